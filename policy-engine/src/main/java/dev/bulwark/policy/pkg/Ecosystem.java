package dev.bulwark.policy.pkg;

import dev.bulwark.policy.version.VersionScheme;
import dev.bulwark.policy.version.VersionSchemes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a package comes from, and everything that follows from it: its purl type, the OSV ecosystems whose
 * advisories name it, the order of its versions, how its names compare and how people write them, and the
 * names other scanners give it.
 *
 * <p>This is the one place an ecosystem is described. Adding one is a value here and an analyzer that finds its
 * packages (the list of places is in {@code docs/architecture.md}); code that must treat ecosystems differently
 * switches over this enum, so a forgotten case does not compile.
 */
public enum Ecosystem {

    /** Debian and Ubuntu packages, from the dpkg database. */
    DEB("deb", Scope.DISTRO, VersionSchemes.DPKG, Naming.AS_WRITTEN,
            List.of("Debian", "Ubuntu"), List.of("Debian", "Ubuntu"), List.of("debian", "ubuntu")),
    /** Alpine packages, from the apk database. */
    APK("apk", Scope.DISTRO, VersionSchemes.APK, Naming.AS_WRITTEN,
            List.of("Alpine"), List.of("Alpine"), List.of("alpine", "wolfi", "chainguard")),
    /** Red Hat family and SUSE packages, from the rpm database. */
    RPM("rpm", Scope.DISTRO, VersionSchemes.RPM, Naming.AS_WRITTEN,
            List.of("Red Hat", "Rocky Linux", "AlmaLinux", "openSUSE", "SUSE"), List.of("Rocky Linux", "AlmaLinux"),
            List.of("redhat", "centos", "rocky", "alma", "amazon", "fedora", "oracle", "photon", "cbl-mariner",
                    "azurelinux", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "sles")),
    /** Java libraries, named {@code groupId:artifactId}. */
    MAVEN("maven", Scope.LANGUAGE, VersionSchemes.MAVEN, Naming.MAVEN,
            List.of("Maven"), List.of("Maven"), List.of("jar", "pom", "gradle", "sbt")),
    /** Node.js packages, named {@code name} or {@code @scope/name}. */
    NPM("npm", Scope.LANGUAGE, VersionSchemes.NPM, Naming.SLASHED,
            List.of("npm"), List.of("npm"), List.of("npm", "node-pkg", "yarn", "pnpm", "bun")),
    /** Python distributions, compared by their PEP 503 names. */
    PYPI("pypi", Scope.LANGUAGE, VersionSchemes.PEP440, Naming.PEP503,
            List.of("PyPI"), List.of("PyPI"), List.of("python-pkg", "pip", "pipenv", "poetry", "uv")),
    /** Go modules (and the Go standard library as {@code stdlib}), named by module path. */
    GOLANG("golang", Scope.LANGUAGE, VersionSchemes.GO, Naming.SLASHED,
            List.of("Go"), List.of("Go"), List.of("gobinary", "gomod")),
    /**
     * A package of a type Bulwark has no analyzer or advisories for, known only from another scanner's report
     * (Ruby gems, Cargo crates, … in a Trivy report); its purl keeps the real type.
     */
    OTHER("generic", Scope.LANGUAGE, VersionSchemes.GENERIC, Naming.SLASHED, List.of(), List.of(), List.of());

    /** Whether an ecosystem's packages belong to the image's distribution or to a language. */
    public enum Scope {
        /**
         * Installed by the distribution's package manager: advisories are published per distribution release
         * ({@code Debian:12}) and name source packages; the purl's namespace is the distribution.
         */
        DISTRO,
        /** Installed by a language's package manager: advisories name the package, whatever the image. */
        LANGUAGE
    }

    /** How an ecosystem's package names are written, split into a purl and compared. */
    private enum Naming {
        /** Distribution packages: the name alone; the purl's namespace is the distribution. */
        AS_WRITTEN,
        /** {@code groupId:artifactId}, compared in lower case. */
        MAVEN,
        /** {@code namespace/name} (npm scopes, Go module paths), compared as written: these are case-sensitive. */
        SLASHED,
        /** One name, compared as PEP 503 normalises it. */
        PEP503
    }

    private final String purlType;
    private final Scope scope;
    private final VersionScheme scheme;
    private final Naming naming;
    private final List<String> osvNames;
    private final List<String> osvExports;
    private final List<String> trivyTypes;

    Ecosystem(String purlType, Scope scope, VersionScheme scheme, Naming naming, List<String> osvNames,
              List<String> osvExports, List<String> trivyTypes) {
        this.purlType = purlType;
        this.scope = scope;
        this.scheme = scheme;
        this.naming = naming;
        this.osvNames = osvNames;
        this.osvExports = osvExports;
        this.trivyTypes = trivyTypes;
    }

    /**
     * The purl type of this ecosystem's packages.
     *
     * @return {@code deb}, {@code maven}, …; {@code generic} for {@link #OTHER}
     */
    public String purlType() {
        return purlType;
    }

    /**
     * Whether its packages belong to the distribution or to a language.
     *
     * @return the scope
     */
    public Scope scope() {
        return scope;
    }

    /**
     * How this ecosystem orders its versions.
     *
     * @return the version scheme
     */
    public VersionScheme scheme() {
        return scheme;
    }

    /**
     * The OSV ecosystem names of the advisories about these packages, without a release suffix: one for a
     * language ({@code PyPI}), the distribution families for a distribution ({@code Debian}, {@code Ubuntu}).
     *
     * @return the names, in OSV's spelling
     */
    public List<String> osvNames() {
        return osvNames;
    }

    /**
     * The OSV ecosystems whose public exports {@code bulwark db update} reads by default: those the matcher asks
     * about.
     *
     * @return OSV ecosystem names
     */
    public List<String> osvExports() {
        return osvExports;
    }

    /**
     * The result types Trivy gives these packages in its JSON report.
     *
     * @return lower-case Trivy types
     */
    public List<String> trivyTypes() {
        return trivyTypes;
    }

    /**
     * A package name as advisories and the database compare it: PEP 503 for PyPI, lower case for Maven, as
     * written (without surrounding blanks) elsewhere.
     *
     * @param name a package name in this ecosystem's spelling
     * @return the name to compare
     */
    public String normalize(String name) {
        String stripped = name.strip();
        return switch (naming) {
            case PEP503 -> stripped.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case MAVEN -> stripped.toLowerCase(Locale.ROOT);
            case AS_WRITTEN, SLASHED -> stripped;
        };
    }

    /**
     * The name people know a package by, from its purl: {@code openssl}, {@code org.example:lib},
     * {@code @types/node}, {@code golang.org/x/net}.
     *
     * @param purl the package's purl
     * @return its display name
     */
    public static String displayName(Purl purl) {
        Naming naming = ofPurlType(purl.type()).orElse(OTHER).naming;
        if (naming == Naming.AS_WRITTEN || purl.namespace().isEmpty()) {
            return purl.name();
        }
        return purl.namespace() + (naming == Naming.MAVEN ? ":" : "/") + purl.name();
    }

    /**
     * The purl of a language package from the name people write ({@code group:artifact}, {@code @scope/name}),
     * the inverse of {@link #displayName(Purl)}. Distribution packages need their distribution: build those
     * purls with their namespace and qualifiers.
     *
     * @param name    the package's name as this ecosystem writes it
     * @param version its version, or empty
     * @param type    the purl type to write ({@link #purlType()}, or the real type of an {@link #OTHER} package)
     * @return the purl
     */
    public Purl purlOf(String name, String version, String type) {
        return switch (naming) {
            case MAVEN -> split(type, name, name.lastIndexOf(':'), version);
            case SLASHED -> split(type, name, name.lastIndexOf('/'), version);
            case PEP503 -> Purl.of(type, "", normalize(name), version);
            case AS_WRITTEN -> Purl.of(type, "", name, version);
        };
    }

    private static Purl split(String type, String name, int separator, String version) {
        if (separator <= 0 || separator == name.length() - 1) {
            return Purl.of(type, "", name, version);
        }
        return Purl.of(type, name.substring(0, separator), name.substring(separator + 1), version);
    }

    /**
     * The ecosystem of a purl type.
     *
     * @param type a purl type, in any case
     * @return the ecosystem, or empty for a type Bulwark has none for
     */
    public static Optional<Ecosystem> ofPurlType(String type) {
        Objects.requireNonNull(type, "type");
        String lower = type.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e != OTHER && e.purlType.equals(lower)).findFirst();
    }

    /**
     * The ecosystem of the packages an OSV ecosystem name speaks of, such as {@code Debian:12}, {@code PyPI} or
     * {@code Red Hat:enterprise_linux:9::appstream}: case-insensitive, the release after the first colon ignored.
     *
     * @param osvName an ecosystem as OSV names it
     * @return the ecosystem, or empty for one Bulwark has none for ({@code crates.io}, {@code NuGet}, …)
     */
    public static Optional<Ecosystem> ofOsvName(String osvName) {
        Objects.requireNonNull(osvName, "osvName");
        int colon = osvName.indexOf(':');
        String base = (colon < 0 ? osvName : osvName.substring(0, colon)).strip();
        return Optional.ofNullable(ByOsvName.NAMES.get(base.toLowerCase(Locale.ROOT)));
    }

    /** Each ecosystem under its OSV names, lower-cased; the first ecosystem to claim a name keeps it. */
    private static final class ByOsvName {
        static final Map<String, Ecosystem> NAMES = names();

        private static Map<String, Ecosystem> names() {
            Map<String, Ecosystem> names = new HashMap<>();
            for (Ecosystem ecosystem : values()) {
                ecosystem.osvNames.forEach(name -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), ecosystem));
            }
            return Map.copyOf(names);
        }
    }

    /**
     * The ecosystem of a Trivy result type.
     *
     * @param trivyType the result's {@code Type}, in any case
     * @return the ecosystem, or empty for a type Bulwark has none for
     */
    public static Optional<Ecosystem> ofTrivyType(String trivyType) {
        String lower = trivyType.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.trivyTypes.contains(lower)).findFirst();
    }

    /**
     * The version order of an OSV ecosystem's advisories: that of its {@link Ecosystem}, or the generic scheme
     * for an ecosystem Bulwark has none for.
     *
     * @param osvName an ecosystem as OSV names it
     * @return its scheme, never {@code null}
     */
    public static VersionScheme schemeForOsv(String osvName) {
        return ofOsvName(osvName).map(Ecosystem::scheme).orElse(VersionSchemes.GENERIC);
    }
}
