package dev.bulwark.scanner.analyzer.java;

import dev.bulwark.scanner.model.Evidence;
import dev.bulwark.scanner.model.Evidence.Part;
import dev.bulwark.scanner.model.EvidenceSource;
import dev.bulwark.scanner.model.Identification;
import dev.bulwark.scanner.model.Identification.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names an archive that has no pom.properties from the evidence it carries: its file name, its manifest and
 * the packages of its classes. Neither the file name nor the manifest was made to carry Maven coordinates, so
 * each is used only where it proved right on real artifacts from Maven Central (whose pom.properties gave the
 * truth; {@code JarIdentificationBenchmark} measures it), and a part that nothing supports is left empty
 * rather than invented:
 * <ul>
 *   <li>A file name of Maven's shape, {@code artifactId-version.jar}, gives the artifactId and version: Maven
 *       named the file from them. The manifest is worse at both: {@code Implementation-Title} is mostly a
 *       display name ({@code Apache Commons IO}), and versions go stale or take OSGi's spelling
 *       ({@code 32.1.3.jre} for 32.1.3-jre).</li>
 *   <li>Otherwise (a renamed {@code app.jar}) the artifactId is {@code Implementation-Title} when it is a single
 *       token, else the file name; the version is {@code Implementation-Version}, else {@code Bundle-Version}. That
 *       name is a guess ({@link Confidence#NONE}: on Maven Central's jars, renamed, it was wrong four times in
 *       five): it stands only if the vulnerability database confirms it, else the archive is not analysed.</li>
 *   <li>The groupId comes from the archive only when a {@code Bundle-SymbolicName} of the form
 *       {@code groupId.artifactId} (see {@link #groupFromSymbolicName}) and {@code Implementation-Vendor-Id} agree
 *       on it: the symbolic name alone was wrong for one in five (Apache Commons' {@code commons-io} group is
 *       {@code commons-io}, not {@code org.apache.commons}). The symbolic name, vendor ID, module name and
 *       classes' package are otherwise kept as {@linkplain Identification#hints() hints}, which
 *       {@code MavenGroups} weighs against the names the vulnerability database knows.</li>
 * </ul>
 * Without a version there is no identity: the archive is reported as not analysed.
 */
final class JarIdentity {

    private JarIdentity() {
    }

    /** An archive's coordinates and how they were found. */
    record Identified(Coordinates coordinates, Identification identification) {
    }

    /** The identity the evidence supports, or empty when it gives no version. */
    static Optional<Identified> of(FileName fileName, ManifestFacts manifest, Optional<String> mainPackage) {
        List<Evidence> evidence = new ArrayList<>();
        String artifactId = fileName.artifactId();
        String version = fileName.version();
        boolean mavenFileName = Coordinates.isVersion(version);
        if (mavenFileName) {
            evidence.add(new Evidence(Part.NAME, EvidenceSource.FILE_NAME, artifactId));
            evidence.add(new Evidence(Part.VERSION, EvidenceSource.FILE_NAME, version));
        } else {
            String title = manifest.implementationTitle();
            boolean titled = Coordinates.isId(title) && !title.equalsIgnoreCase(artifactId);
            artifactId = titled ? title : artifactId;
            evidence.add(new Evidence(Part.NAME, titled ? EvidenceSource.IMPLEMENTATION_TITLE : EvidenceSource.FILE_NAME, artifactId));
            version = "";
            if (Coordinates.isVersion(manifest.implementationVersion())) {
                version = manifest.implementationVersion();
                evidence.add(new Evidence(Part.VERSION, EvidenceSource.IMPLEMENTATION_VERSION, version));
            } else if (Coordinates.isVersion(manifest.bundleVersion())) {
                version = manifest.bundleVersion();
                evidence.add(new Evidence(Part.VERSION, EvidenceSource.BUNDLE_VERSION, version));
            }
        }
        String symbolicGroup = groupFromSymbolicName(manifest.bundleSymbolicName(), artifactId);
        boolean agreed = !symbolicGroup.isEmpty() && symbolicGroup.equals(manifest.implementationVendorId());
        String group = agreed && mavenFileName ? symbolicGroup : "";
        Optional<Coordinates> coordinates = Coordinates.of(group, artifactId, version);
        if (coordinates.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> hints = new ArrayList<>();
        if (!group.isEmpty()) {
            evidence.add(0, new Evidence(Part.GROUP, EvidenceSource.BUNDLE_SYMBOLIC_NAME, manifest.bundleSymbolicName()));
            evidence.add(1, new Evidence(Part.GROUP, EvidenceSource.IMPLEMENTATION_VENDOR_ID, manifest.implementationVendorId()));
        } else {
            hint(hints, EvidenceSource.BUNDLE_SYMBOLIC_NAME, manifest.bundleSymbolicName());
            hint(hints, EvidenceSource.IMPLEMENTATION_VENDOR_ID, manifest.implementationVendorId());
        }
        hint(hints, EvidenceSource.AUTOMATIC_MODULE_NAME, manifest.automaticModuleName());
        mainPackage.ifPresent(pkg -> hint(hints, EvidenceSource.CLASS_PACKAGES, pkg));
        Confidence confidence = !mavenFileName ? Confidence.NONE : group.isEmpty() ? Confidence.LOW : Confidence.HIGH;
        return Optional.of(new Identified(coordinates.get(), new Identification(confidence, evidence, hints)));
    }

    private static void hint(List<Evidence> hints, EvidenceSource source, String value) {
        if (Coordinates.isId(value)) {
            hints.add(new Evidence(Part.GROUP, source, value));
        }
    }

    /**
     * The groupId in a symbolic name that is exactly {@code groupId.artifactId}, as the maven-bundle-plugin
     * writes by default ({@code com.fasterxml.jackson.core.jackson-databind}), and only when the artifactId
     * has a '-' and the group two parts at least. A one-word artifactId is ambiguous: the symbolic name is as
     * often the groupId itself ({@code com.google.guava} for com.google.guava:guava) as groupId.artifactId
     * ({@code org.jspecify.jspecify}), so it gives no group.
     */
    static String groupFromSymbolicName(String symbolicName, String artifactId) {
        String suffix = "." + artifactId;
        if (!artifactId.contains("-") || !symbolicName.endsWith(suffix)) {
            return "";
        }
        String group = symbolicName.substring(0, symbolicName.length() - suffix.length());
        return group.indexOf('.') > 0 && Coordinates.isId(group) ? group : "";
    }
}
