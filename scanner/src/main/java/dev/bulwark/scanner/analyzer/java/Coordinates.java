package dev.bulwark.scanner.analyzer.java;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.model.Evidence;
import dev.bulwark.scanner.model.EvidenceSource;
import dev.bulwark.scanner.model.Identification;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Maven coordinates of one artifact found in an archive. The group may be unknown (empty); the version
 * never is, because a package without a version cannot be matched against advisories.
 */
record Coordinates(String groupId, String artifactId, String version) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    // Anything without white space or an unexpanded placeholder (${project.version}, %bundleVersion).
    private static final Pattern VERSION = Pattern.compile("[^\\s${}%]+");

    Coordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
    }

    /** The coordinates, if each part looks like what Maven writes; otherwise empty. */
    static Optional<Coordinates> of(String groupId, String artifactId, String version) {
        String group = strip(groupId);
        String artifact = strip(artifactId);
        String ver = strip(version);
        if ((!group.isEmpty() && !isId(group)) || !isId(artifact) || !isVersion(ver)) {
            return Optional.empty();
        }
        return Optional.of(new Coordinates(group, artifact, ver));
    }

    /** Whether the text could be a groupId or artifactId: one token of letters, digits, '.', '-' or '_'. */
    static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** Whether the text could be a version: no white space, no unexpanded placeholder. */
    static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** The package name: {@code groupId:artifactId}, or just the artifactId when the group is unknown. */
    String name() {
        return groupId.isEmpty() ? artifactId : groupId + ":" + artifactId;
    }

    Package toPackage(String imagePath, Identification identification) {
        Purl purl = Purl.of(Ecosystem.MAVEN.purlType(), groupId, artifactId, version);
        return new Package(Ecosystem.MAVEN, name(), version, purl, "", "", "", imagePath, identification);
    }

    /** How pom.properties identifies an artifact: outright, by Maven's own record of what it built. */
    static Identification fromPomProperties(String entryName) {
        return new Identification(Identification.Confidence.HIGH,
                List.of(new Evidence(Evidence.Part.GROUP, EvidenceSource.POM_PROPERTIES, entryName)), List.of());
    }
}
