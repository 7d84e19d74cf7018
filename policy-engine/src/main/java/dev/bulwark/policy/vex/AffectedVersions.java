package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.PurlPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the {@code versions[]} of a CycloneDX {@code affects} entry to the packages its ref resolved to.
 *
 * <p>A package whose purl has a version keeps it: that is already the narrowest statement. A versionless package
 * is narrowed to the listed {@code version}s, never widened. A {@code range} (vers syntax) that is the only version
 * information for a versionless package cannot be matched yet, so it is an error rather than being read as
 * "every version".
 */
final class AffectedVersions {

    private AffectedVersions() {
    }

    static List<PurlPattern> narrow(List<PurlPattern> packages, JsonAt affect) {
        List<JsonAt> versions = affect.items("versions");
        if (versions.isEmpty() || packages.stream().allMatch(AffectedVersions::hasVersion)) {
            return packages;
        }
        List<String> listed = new ArrayList<>();
        for (JsonAt version : versions) {
            if (version.has("range")) {
                throw version.problemAt("range", "version ranges are not supported for a ref without a version;"
                        + " list the versions one by one, as in {\"version\": \"2.14.1\"}, or refer to a component"
                        + " whose purl carries its version");
            }
            version.text("version").ifPresent(listed::add);
        }
        if (listed.isEmpty()) {
            throw affect.problemAt("versions", "lists no version; write {\"version\": \"2.14.1\"} for each version");
        }
        List<PurlPattern> narrowed = new ArrayList<>();
        for (PurlPattern pkg : packages) {
            if (hasVersion(pkg)) {
                narrowed.add(pkg);
            } else {
                listed.forEach(version -> narrowed.add(PurlPattern.of(pkg.text() + "@" + version)));
            }
        }
        return narrowed;
    }

    // Patterns from PackageIds hold encoded coordinates, so an '@' can only introduce the version.
    private static boolean hasVersion(PurlPattern pkg) {
        return pkg.text().contains("@");
    }
}
