package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Packages} of one result, which Trivy writes with {@code --list-all-pkgs}: every package it found, not
 * only the vulnerable ones. A vulnerability finds the package it names by Trivy's {@code UID} (or, in reports
 * before UIDs, by {@code ID} and path) and shares its source package and layer.
 *
 * @param listed whether the result has a {@code Packages} array at all (Trivy ran with {@code --list-all-pkgs})
 * @param all    the packages, in report order
 * @param byKey  the packages by {@code uid:UID} and by {@code id:ID|path}
 */
record TrivyPackages(boolean listed, List<Package> all, Map<String, Package> byKey) {

    TrivyPackages {
        all = List.copyOf(all);
        byKey = Map.copyOf(byKey);
    }

    /** The packages of a result. */
    static TrivyPackages read(TrivyNode result, TrivyTarget target) {
        List<Package> all = new ArrayList<>();
        Map<String, Package> byKey = new HashMap<>();
        for (TrivyNode entry : result.items("Packages")) {
            Package pkg = toPackage(entry, target);
            all.add(pkg);
            entry.child("Identifier").text("UID").ifPresent(uid -> byKey.putIfAbsent(uidKey(uid), pkg));
            entry.text("ID").ifPresent(id -> byKey.putIfAbsent(idKey(id, pkg.path()), pkg));
        }
        return new TrivyPackages(result.has("Packages"), all, byKey);
    }

    /** The listed package a vulnerability names, found in the file at {@code path}. */
    Optional<Package> find(TrivyNode vulnerability, String path) {
        Optional<Package> byUid = vulnerability.child("PkgIdentifier").text("UID").map(uid -> byKey.get(uidKey(uid)));
        if (byUid.isPresent()) {
            return byUid;
        }
        return vulnerability.text("PkgID").map(id -> byKey.get(idKey(id, path)));
    }

    private static String uidKey(String uid) {
        return "uid:" + uid;
    }

    private static String idKey(String id, String path) {
        return "id:" + id + "|" + path;
    }

    private static Package toPackage(TrivyNode entry, TrivyTarget target) {
        String name = entry.requiredText("Name", "every package needs a name; re-run trivy");
        String version = rpmStyle(entry, "Epoch", "Version", "Release");
        Purl purl = target.purlOf(entry.child("Identifier"), name, version, entry.text("Arch").orElse(""));
        String sourceName = entry.text("SrcName").orElse("");
        String sourceVersion = sourceName.isEmpty() ? "" : rpmStyle(entry, "SrcEpoch", "SrcVersion", "SrcRelease");
        String layer = entry.child("Layer").text("DiffID").orElse("");
        return new Package(Ecosystem.ofPurlType(purl.type()).orElse(Ecosystem.OTHER), name, version, purl, sourceName, sourceVersion, layer,
                target.pathOf(entry.text("FilePath")));
    }

    /**
     * A version as Trivy prints it in {@code InstalledVersion}: {@code epoch:version-release}, leaving out a zero
     * epoch and an empty release. Only rpm and a few others use the parts; elsewhere this is just {@code Version}.
     */
    private static String rpmStyle(TrivyNode entry, String epochField, String versionField, String releaseField) {
        String version = entry.text(versionField).orElse("");
        Optional<String> release = entry.text(releaseField);
        if (release.isPresent()) {
            version = version + "-" + release.get();
        }
        long epoch = entry.number(epochField).map(Double::longValue).orElse(0L);
        return epoch == 0 ? version : epoch + ":" + version;
    }
}
