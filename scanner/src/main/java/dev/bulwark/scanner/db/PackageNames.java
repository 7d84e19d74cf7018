package dev.bulwark.scanner.db;

import java.util.Locale;

/** How each ecosystem compares package names, so an image's name meets the advisory's spelling of it. */
public final class PackageNames {

    private PackageNames() {
    }

    /** The lookup key of an ecosystem: its OSV name in lower case ({@code pypi}, {@code debian:12}). */
    public static String ecosystemKey(String ecosystem) {
        return ecosystem.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The name as it is looked up: PyPI names normalised per PEP 503 (lower case, runs of {@code -_.} as one
     * {@code -}); Maven coordinates in lower case; everything else as written (npm and Go names are case-sensitive).
     */
    public static String normalize(String ecosystem, String name) {
        String base = ecosystemKey(ecosystem);
        int colon = base.indexOf(':');
        base = colon < 0 ? base : base.substring(0, colon);
        return switch (base) {
            case "pypi" -> name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case "maven" -> name.strip().toLowerCase(Locale.ROOT);
            default -> name.strip();
        };
    }
}
