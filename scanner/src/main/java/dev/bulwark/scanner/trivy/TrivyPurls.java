package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.model.OsRelease;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Package URLs for Trivy packages that carry none ({@code PkgIdentifier.PURL} arrived in Trivy 0.48; older reports
 * only have the result {@code Type}, {@code PkgName} and {@code InstalledVersion}).
 *
 * <p>The purls are written the way Bulwark's own inventory writes them, so findings from either scanner compare:
 * OS packages are named after the distro ({@code pkg:deb/debian/bash@5.0-4?distro=debian-10.1}), Maven packages
 * split {@code group:artifact}, npm and Go names split at their last {@code /}, PyPI names are PEP 503-normalised.
 * A type Bulwark does not know becomes {@code pkg:generic/NAME@VERSION}, so the finding still reaches the gate.
 */
final class TrivyPurls {

    /** Trivy types of ecosystems Bulwark has no {@link Ecosystem} for, to the purl types their packages get. */
    private static final Map<String, String> OTHER_TYPES = Map.of("bundler", "gem", "gemspec", "gem", "cargo", "cargo",
            "rustbinary", "cargo", "composer", "composer", "nuget", "nuget", "dotnet-core", "nuget");

    private TrivyPurls() {
    }

    /**
     * The purl of a package Trivy found in a result of type {@code trivyType}.
     *
     * @param trivyType the result's {@code Type}: {@code debian}, {@code alpine}, {@code jar}, {@code npm}, …
     * @param name      {@code PkgName} ({@code group:artifact} for Maven, {@code @scope/name} for npm)
     * @param version   {@code InstalledVersion}
     * @param arch      the package's architecture ({@code Packages[].Arch}), or empty: vulnerabilities do not say
     * @param os        the report's OS, which names the distro of OS packages
     */
    static Purl of(String trivyType, String name, String version, String arch, Optional<OsRelease> os) {
        String type = trivyType.toLowerCase(Locale.ROOT);
        Optional<Ecosystem> known = Ecosystem.ofTrivyType(type);
        if (known.isEmpty()) {
            String purlType = OTHER_TYPES.getOrDefault(type, Ecosystem.OTHER.purlType());
            return Ecosystem.OTHER.purlOf(name, version, purlType);
        }
        Ecosystem ecosystem = known.get();
        return switch (ecosystem.scope()) {
            case DISTRO -> osPackage(ecosystem.purlType(), type, name, version, arch, os);
            case LANGUAGE -> ecosystem.purlOf(name, version, ecosystem.purlType());
        };
    }

    private static Purl osPackage(String purlType, String trivyType, String name, String version, String arch,
                                  Optional<OsRelease> os) {
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (!arch.isEmpty()) {
            qualifiers.put("arch", arch);
        }
        os.ifPresent(release -> qualifiers.put("distro",
                release.versionId().isEmpty() ? release.id() : release.id() + "-" + release.versionId()));
        String namespace = os.map(OsRelease::id).orElse(trivyType);
        return new Purl(purlType, namespace, name, version, qualifiers, "");
    }
}
