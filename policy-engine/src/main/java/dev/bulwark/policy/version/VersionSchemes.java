package dev.bulwark.policy.version;

import java.util.List;
import java.util.Objects;

/**
 * The registry of version schemes, each once. Which ecosystem orders its versions with which scheme is said by
 * {@link dev.bulwark.policy.pkg.Ecosystem}; advisories' OSV ecosystem names reach a scheme through
 * {@link dev.bulwark.policy.pkg.Ecosystem#schemeForOsv(String)}.
 */
public final class VersionSchemes {

    /** dpkg's order (Debian, Ubuntu). */
    public static final VersionScheme DPKG = new DpkgVersionScheme();
    /** apk-tools' order (Alpine). */
    public static final VersionScheme APK = new ApkVersionScheme();
    /** rpm's order (Red Hat and its rebuilds, SUSE). */
    public static final VersionScheme RPM = new RpmVersionScheme();
    /** Maven's {@code ComparableVersion}. */
    public static final VersionScheme MAVEN = new MavenVersionScheme();
    /** node-semver, loose. */
    public static final VersionScheme NPM = new NpmSemverScheme();
    /** PEP 440 (PyPI). */
    public static final VersionScheme PEP440 = new Pep440VersionScheme();
    /** Go modules' semver. */
    public static final VersionScheme GO = new GoVersionScheme();
    /** The fallback for ecosystems without a scheme of their own. */
    public static final VersionScheme GENERIC = new GenericVersionScheme();

    /** Every scheme, each once. */
    private static final List<VersionScheme> ALL = List.of(DPKG, APK, RPM, MAVEN, NPM, PEP440, GO, GENERIC);

    private VersionSchemes() {
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
}
