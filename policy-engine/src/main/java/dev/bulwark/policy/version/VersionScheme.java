package dev.bulwark.policy.version;

import java.util.Comparator;

/**
 * How one ecosystem orders its version strings: dpkg for Debian, apk for Alpine, rpm for Red Hat, and so on.
 *
 * <p>Every scheme orders versions the way that ecosystem's own tool does, so a policy saying "fixed in
 * {@code 1:2.3-4}" means what the package manager means. The set of schemes is closed: each one is listed
 * in {@link VersionSchemes}, which maps an advisory's ecosystem to its scheme.
 *
 * <p>Schemes that mirror a native tool which also orders malformed versions (dpkg, apk, rpm, Maven, the
 * generic fallback) accept in {@link #compare} whatever that tool accepts; {@link #validate} is stricter and
 * says whether a version is well formed. Schemes whose tools refuse malformed versions (npm, PyPI, Go)
 * throw from {@link #compare} too.
 */
public sealed interface VersionScheme
        permits ApkVersionScheme, DpkgVersionScheme, GenericVersionScheme, GoVersionScheme,
                MavenVersionScheme, NpmSemverScheme, Pep440VersionScheme, RpmVersionScheme {

    /**
     * A short, stable name for the scheme.
     *
     * @return the name, such as {@code dpkg} or {@code pep440}
     */
    String name();

    /**
     * Orders two versions.
     *
     * @param a the first version
     * @param b the second version
     * @return a negative number if {@code a} is older than {@code b}, zero if the scheme treats them as the
     *     same version, a positive number if {@code a} is newer
     * @throws InvalidVersionException if either version cannot be ordered at all by this scheme
     */
    int compare(String a, String b);

    /**
     * Checks that a version is well formed for this scheme.
     *
     * @param version the version to check
     * @throws InvalidVersionException naming the scheme and showing what a valid version looks like
     */
    void validate(String version);

    /**
     * Whether a version is well formed for this scheme.
     *
     * @param version the version to check
     * @return whether {@link #validate} accepts it
     */
    default boolean isValid(String version) {
        try {
            validate(version);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    /**
     * This scheme's order as a {@link Comparator}, for sorting and for {@code max}/{@code min}.
     *
     * @return a comparator that calls {@link #compare}
     */
    default Comparator<String> comparator() {
        return this::compare;
    }
}
