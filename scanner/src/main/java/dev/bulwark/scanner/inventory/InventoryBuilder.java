package dev.bulwark.scanner.inventory;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.layer.ImagePaths;
import dev.bulwark.scanner.layer.LayerAnalysis;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.bulwark.policy.pkg.Purl;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Lays the layers over each other, lowest first, as the container's filesystem would: whiteouts and opaque
 * directories hide what is below, a file hides the same path below. Each package is attributed to the
 * lowest layer from which it was continuously present at its path.
 */
public final class InventoryBuilder {

    private static final List<String> OS_RELEASE_FILES = List.of("etc/os-release", "usr/lib/os-release",
            "etc/alpine-release", "etc/redhat-release", "etc/debian_version");

    private InventoryBuilder() {
    }

    public static Inventory build(List<LayerAnalysis> layers) {
        Map<String, List<Placed>> files = new TreeMap<>();
        Map<String, OsRelease> os = new TreeMap<>();
        Map<String, String> symlinks = new HashMap<>();
        List<AnalyzerFailure> failures = new ArrayList<>();
        for (int index = 0; index < layers.size(); index++) {
            LayerAnalysis layer = layers.get(index);
            hide(layer, files, os, symlinks);
            for (Map.Entry<String, List<Package>> file : layer.files().entrySet()) {
                List<Placed> history = files.computeIfAbsent(file.getKey(), path -> new ArrayList<>());
                history.add(new Placed(index, layer.diffId(), file.getValue()));
                symlinks.remove(file.getKey());
            }
            for (String link : layer.symlinks().keySet()) {
                files.remove(link);
                os.remove(link);
            }
            symlinks.putAll(layer.symlinks());
            os.putAll(layer.os());
            failures.addAll(layer.failures());
        }
        Optional<OsRelease> release = chooseOs(os, symlinks);
        List<Package> packages = new ArrayList<>();
        files.values().forEach(history -> attributed(history).forEach(pkg -> packages.add(withDistro(pkg, release))));
        return new Inventory(release, packages, failures);
    }

    /** OS packages are named after the distro they belong to: pkg:deb/debian/openssl@…?distro=debian-12. */
    private static Package withDistro(Package pkg, Optional<OsRelease> release) {
        if (release.isEmpty() || pkg.ecosystem().scope() != Ecosystem.Scope.DISTRO) {
            return pkg;
        }
        OsRelease os = release.get();
        TreeMap<String, String> qualifiers = new TreeMap<>(pkg.purl().qualifiers());
        qualifiers.put("distro", os.versionId().isEmpty() ? os.id() : os.id() + "-" + os.versionId());
        Purl purl = new Purl(pkg.purl().type(), os.id(), pkg.purl().name(), pkg.purl().version(), qualifiers, "");
        return new Package(pkg.ecosystem(), pkg.name(), pkg.version(), purl, pkg.sourceName(), pkg.sourceVersion(),
                pkg.layer(), pkg.path());
    }

    private static void hide(LayerAnalysis layer, Map<String, List<Placed>> files, Map<String, OsRelease> os,
                             Map<String, String> symlinks) {
        for (String directory : layer.opaqueDirectories()) {
            removeWhere(key -> directory.isEmpty() || key.startsWith(directory + "/"), files, os, symlinks);
        }
        for (String path : layer.whiteouts()) {
            removeWhere(key -> ImagePaths.isUnder(key, path), files, os, symlinks);
        }
    }

    private static void removeWhere(Predicate<String> hidden, Map<String, List<Placed>> files, Map<String, OsRelease> os,
                                    Map<String, String> symlinks) {
        files.keySet().removeIf(hidden);
        os.keySet().removeIf(hidden);
        symlinks.keySet().removeIf(hidden);
    }

    /** The packages of the top version of a file, each from the lowest layer it was continuously in. */
    private static List<Package> attributed(List<Placed> history) {
        Placed top = history.get(history.size() - 1);
        List<Package> result = new ArrayList<>();
        for (Package pkg : top.packages()) {
            String layer = top.diffId();
            for (int i = history.size() - 2; i >= 0 && history.get(i).contains(pkg); i--) {
                layer = history.get(i).diffId();
            }
            result.add(pkg.inLayer(layer));
        }
        return result;
    }

    private static Optional<OsRelease> chooseOs(Map<String, OsRelease> os, Map<String, String> symlinks) {
        for (String file : OS_RELEASE_FILES) {
            String resolved = resolve(file, symlinks);
            if (os.containsKey(resolved)) {
                return Optional.of(os.get(resolved));
            }
        }
        return Optional.empty();
    }

    /** Follows symlinks inside the image root, at most 40 hops (the kernel's limit), so a loop ends. */
    static String resolve(String path, Map<String, String> symlinks) {
        String current = path;
        for (int hops = 0; hops < 40 && symlinks.containsKey(current); hops++) {
            current = ImagePaths.resolveLinkTarget(current, symlinks.get(current));
        }
        return current;
    }

    private record Placed(int index, String diffId, List<Package> packages) {
        boolean contains(Package pkg) {
            return packages.stream().anyMatch(other -> other.ecosystem().equals(pkg.ecosystem())
                    && other.name().equals(pkg.name()) && other.version().equals(pkg.version()));
        }
    }
}
