/**
 * Version schemes: how each ecosystem orders its version strings, so that "affected below 1:2.3-4" in an
 * advisory means what the ecosystem's own package manager means.
 *
 * <p>{@link dev.bulwark.policy.version.VersionSchemes} holds each
 * {@link dev.bulwark.policy.version.VersionScheme} once; {@link dev.bulwark.policy.pkg.Ecosystem} says which
 * ecosystem uses which. Each scheme follows its ecosystem's reference:
 * <ul>
 *   <li>{@link dev.bulwark.policy.version.DpkgVersionScheme}: dpkg's {@code verrevcmp} (Debian, Ubuntu);</li>
 *   <li>{@link dev.bulwark.policy.version.ApkVersionScheme}: apk-tools' {@code version.c} (Alpine);</li>
 *   <li>{@link dev.bulwark.policy.version.RpmVersionScheme}: rpm's {@code rpmvercmp} on epoch, version and
 *       release (Red Hat, Rocky Linux, AlmaLinux, SUSE);</li>
 *   <li>{@link dev.bulwark.policy.version.MavenVersionScheme}: Maven's {@code ComparableVersion};</li>
 *   <li>{@link dev.bulwark.policy.version.NpmSemverScheme}: node-semver in loose mode, with ranges;</li>
 *   <li>{@link dev.bulwark.policy.version.Pep440VersionScheme}: PEP 440 as the {@code packaging} library
 *       implements it (PyPI);</li>
 *   <li>{@link dev.bulwark.policy.version.GoVersionScheme}: {@code golang.org/x/mod/semver} (Go modules);</li>
 *   <li>{@link dev.bulwark.policy.version.GenericVersionScheme}: a fallback for everything else.</li>
 * </ul>
 *
 * <p>The tests check each scheme against its upstream project's own test vectors, and the dpkg scheme also
 * against the real {@code dpkg --compare-versions}.
 */
package dev.bulwark.policy.version;
