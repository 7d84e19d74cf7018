package dev.bulwark.scanner.match;

import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Optional;

/**
 * The OSV ecosystems a package is looked up in. Language packages have one ecosystem whatever the image;
 * distro packages belong to their release ({@code Debian:12}, {@code Alpine:v3.20}, {@code Ubuntu:22.04:LTS})
 * and are matched by source package, as the distros publish their advisories.
 */
final class Ecosystems {

    private Ecosystems() {
    }

    static List<Target> targets(Package pkg, Optional<OsRelease> os) {
        return switch (pkg.ecosystem().scope()) {
            case LANGUAGE -> pkg.ecosystem().osvNames().stream()
                    .map(osvName -> new Target(osvName, pkg.name(), pkg.version())).toList();
            case DISTRO -> os.map(release -> distro(pkg, release)).orElse(List.of());
        };
    }

    private static List<Target> distro(Package pkg, OsRelease os) {
        String name = pkg.sourceName().isEmpty() ? pkg.name() : pkg.sourceName();
        String version = pkg.sourceVersion().isEmpty() ? pkg.version() : pkg.sourceVersion();
        String release = os.versionId();
        String major = release.contains(".") ? release.substring(0, release.indexOf('.')) : release;
        return switch (os.id()) {
            case "debian" -> List.of(new Target("Debian:" + major, name, version));
            case "ubuntu" -> List.of(new Target("Ubuntu:" + release + ":LTS", name, version),
                    new Target("Ubuntu:" + release, name, version));
            case "alpine" -> List.of(new Target("Alpine:v" + minorRelease(release), name, version));
            case "rocky" -> List.of(new Target("Rocky Linux:" + major, pkg.name(), pkg.version()));
            case "almalinux" -> List.of(new Target("AlmaLinux:" + major, pkg.name(), pkg.version()));
            default -> List.of();
        };
    }

    private static String minorRelease(String release) {
        String[] parts = release.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : release;
    }
}
