package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.inventory.OsRelease;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

    private static final Set<String> DEB = Set.of("debian", "ubuntu");
    private static final Set<String> APK = Set.of("alpine", "wolfi", "chainguard");
    private static final Set<String> RPM = Set.of("redhat", "centos", "rocky", "alma", "amazon", "fedora", "oracle",
            "photon", "cbl-mariner", "azurelinux", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "sles");
    private static final Map<String, String> LANGUAGE_TYPES = languageTypes();
    private static final Pattern PYPI_SEPARATOR_RUNS = Pattern.compile("[-_.]+");

    private TrivyPurls() {
    }

    private static Map<String, String> languageTypes() {
        Map<String, String> types = new TreeMap<>();
        for (String type : new String[] {"jar", "pom", "gradle", "sbt"}) {
            types.put(type, "maven");
        }
        for (String type : new String[] {"npm", "node-pkg", "yarn", "pnpm", "bun"}) {
            types.put(type, "npm");
        }
        for (String type : new String[] {"python-pkg", "pip", "pipenv", "poetry", "uv"}) {
            types.put(type, "pypi");
        }
        types.put("gobinary", "golang");
        types.put("gomod", "golang");
        types.put("bundler", "gem");
        types.put("gemspec", "gem");
        types.put("cargo", "cargo");
        types.put("rustbinary", "cargo");
        types.put("composer", "composer");
        types.put("nuget", "nuget");
        types.put("dotnet-core", "nuget");
        return Map.copyOf(types);
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
        if (DEB.contains(type)) {
            return osPackage("deb", type, name, version, arch, os);
        }
        if (APK.contains(type)) {
            return osPackage("apk", type, name, version, arch, os);
        }
        if (RPM.contains(type)) {
            return osPackage("rpm", type, name, version, arch, os);
        }
        String purlType = LANGUAGE_TYPES.getOrDefault(type, "generic");
        return switch (purlType) {
            case "maven" -> split("maven", name, name.lastIndexOf(':'), version);
            case "npm", "golang", "composer" -> split(purlType, name, name.lastIndexOf('/'), version);
            case "pypi" -> Purl.of("pypi", "", PYPI_SEPARATOR_RUNS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-"), version);
            default -> Purl.of(purlType, "", name, version);
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

    private static Purl split(String purlType, String name, int separator, String version) {
        if (separator <= 0 || separator == name.length() - 1) {
            return Purl.of(purlType, "", name, version);
        }
        return Purl.of(purlType, name.substring(0, separator), name.substring(separator + 1), version);
    }
}
