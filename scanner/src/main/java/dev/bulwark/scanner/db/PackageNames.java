package dev.bulwark.scanner.db;

import dev.bulwark.policy.pkg.Ecosystem;
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
     * The name as it is looked up: as {@link Ecosystem#normalize(String)} compares names of the ecosystem the OSV
     * name belongs to; as written (without surrounding blanks) for an ecosystem Bulwark has none for.
     */
    public static String normalize(String ecosystem, String name) {
        return Ecosystem.ofOsvName(ecosystem).map(known -> known.normalize(name)).orElseGet(name::strip);
    }
}
