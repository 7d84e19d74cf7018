package dev.bulwark.policy.version;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The registry of version schemes: which scheme orders the versions of which ecosystem.
 *
 * <p>Ecosystems are named as OSV names them ({@code Debian}, {@code Alpine}, {@code Red Hat}, {@code PyPI},
 * ...), case-insensitively, and a release suffix after a colon is ignored, so {@code Debian:12} and
 * {@code Alpine:v3.20} map like {@code Debian} and {@code Alpine}. An ecosystem not listed here gets the
 * {@link GenericVersionScheme}.
 */
public final class VersionSchemes {

    private static final DpkgVersionScheme DPKG = new DpkgVersionScheme();
    private static final ApkVersionScheme APK = new ApkVersionScheme();
    private static final RpmVersionScheme RPM = new RpmVersionScheme();
    private static final MavenVersionScheme MAVEN = new MavenVersionScheme();
    private static final NpmSemverScheme NPM = new NpmSemverScheme();
    private static final Pep440VersionScheme PEP440 = new Pep440VersionScheme();
    private static final GoVersionScheme GO = new GoVersionScheme();
    private static final GenericVersionScheme GENERIC = new GenericVersionScheme();

    /** Every scheme, each once. */
    private static final List<VersionScheme> ALL = List.of(DPKG, APK, RPM, MAVEN, NPM, PEP440, GO, GENERIC);

    /** OSV ecosystem names, lower case, to schemes. */
    private static final Map<String, VersionScheme> BY_ECOSYSTEM = ecosystems();

    private VersionSchemes() {
    }

    private static Map<String, VersionScheme> ecosystems() {
        Map<String, VersionScheme> map = new LinkedHashMap<>();
        map.put("debian", DPKG);
        map.put("ubuntu", DPKG);
        map.put("alpine", APK);
        map.put("red hat", RPM);
        map.put("rocky linux", RPM);
        map.put("almalinux", RPM);
        map.put("opensuse", RPM);
        map.put("suse", RPM);
        map.put("maven", MAVEN);
        map.put("npm", NPM);
        map.put("pypi", PEP440);
        map.put("go", GO);
        return Map.copyOf(map);
    }

    /**
     * The scheme for an OSV ecosystem name, such as {@code Debian:12}, {@code PyPI} or {@code Red Hat}; the
     * generic scheme for an ecosystem without one of its own.
     *
     * @param ecosystem the ecosystem as OSV names it
     * @return its scheme, never {@code null}
     */
    public static VersionScheme forEcosystem(String ecosystem) {
        Objects.requireNonNull(ecosystem, "ecosystem");
        int colon = ecosystem.indexOf(':');
        String base = (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        return BY_ECOSYSTEM.getOrDefault(base, GENERIC);
    }

    /**
     * The scheme with the given {@link VersionScheme#name()}, such as {@code dpkg} or {@code pep440}.
     *
     * @param name the scheme's name, in any case
     * @return the scheme
     * @throws IllegalArgumentException listing the known names
     */
    public static VersionScheme named(String name) {
        Objects.requireNonNull(name, "name");
        return ALL.stream()
                .filter(scheme -> scheme.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no version scheme is named '" + name
                        + "'; use one of " + ALL.stream().map(VersionScheme::name).toList()));
    }

    /**
     * Every registered scheme.
     *
     * @return the schemes, each once
     */
    public static List<VersionScheme> all() {
        return ALL;
    }

    /**
     * The ecosystems that have a scheme of their own.
     *
     * @return lower-case OSV ecosystem names and their schemes
     */
    public static Map<String, VersionScheme> ecosystemMap() {
        return BY_ECOSYSTEM;
    }
}
