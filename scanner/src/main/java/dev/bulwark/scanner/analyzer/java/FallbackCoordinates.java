package dev.bulwark.scanner.analyzer.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Coordinates for an archive that has no pom.properties, from its file name and the main section of its
 * {@code META-INF/MANIFEST.MF}. Neither was made to carry Maven coordinates, so each is used only where it
 * proved right on a few hundred real artifacts from Maven Central (whose pom.properties gave the truth), and
 * a group that nothing supports is left empty rather than invented:
 * <ul>
 *   <li>A file name of Maven's shape, {@code artifactId-version.jar}, gives the artifactId and version: Maven
 *       named the file from them. The manifest is worse at both: {@code Implementation-Title} is mostly a
 *       display name ({@code Apache Commons IO}, {@code Jackson-core}), and versions go stale or take OSGi's
 *       spelling ({@code 32.1.3.jre} for 32.1.3-jre).</li>
 *   <li>Otherwise (a renamed {@code app.jar}) the artifactId is {@code Implementation-Title} when it is a single
 *       token, else the file name; the version is {@code Implementation-Version}, else {@code Bundle-Version}.</li>
 *   <li>The groupId comes only from a {@code Bundle-SymbolicName} of the form {@code groupId.artifactId}; see
 *       {@link #groupFromSymbolicName}. {@code Implementation-Vendor-Id} is not used: it names the
 *       organisation as often as the group ({@code org.apache} for commons-io).</li>
 * </ul>
 * Without a version there are no coordinates: the archive is left out of the inventory.
 */
final class FallbackCoordinates {

    private FallbackCoordinates() {
    }

    /**
     * The coordinates the file name and manifest support, or empty when they give no version.
     *
     * @param fileName the archive's file name, parsed
     * @param manifest the manifest's bytes, perhaps only its beginning, or none when the archive has none
     * @throws IOException when the manifest's main section is malformed
     */
    static Optional<Coordinates> of(FileName fileName, byte[] manifest) throws IOException {
        Attributes main = new Manifest(new ByteArrayInputStream(mainSection(manifest))).getMainAttributes();
        String artifactId = fileName.artifactId();
        String version = fileName.version();
        if (version.isEmpty()) {
            String title = strip(main.getValue("Implementation-Title"));
            artifactId = Coordinates.isId(title) && !title.equalsIgnoreCase(artifactId) ? title : artifactId;
            version = first(strip(main.getValue("Implementation-Version")), strip(main.getValue("Bundle-Version")));
        }
        return Coordinates.of(groupFromSymbolicName(symbolicName(main), artifactId), artifactId, version);
    }

    /**
     * The groupId in a symbolic name that is exactly {@code groupId.artifactId}, as the maven-bundle-plugin
     * writes by default ({@code com.fasterxml.jackson.core.jackson-databind}), and only when the artifactId
     * has a '-' and the group two parts at least. A one-word artifactId is ambiguous: the symbolic name is as
     * often the groupId itself ({@code com.google.guava} for com.google.guava:guava) as groupId.artifactId
     * ({@code org.jspecify.jspecify}), so it gives no group. On the artifacts measured this rule was right
     * 26 times and wrong twice (relocated commons-io, io.github.java-diff-utils), and silent otherwise.
     */
    static String groupFromSymbolicName(String symbolicName, String artifactId) {
        String suffix = "." + artifactId;
        if (!artifactId.contains("-") || !symbolicName.endsWith(suffix)) {
            return "";
        }
        String group = symbolicName.substring(0, symbolicName.length() - suffix.length());
        return group.indexOf('.') > 0 && Coordinates.isId(group) ? group : "";
    }

    private static String symbolicName(Attributes main) {
        String value = strip(main.getValue("Bundle-SymbolicName"));
        int directives = value.indexOf(';');
        return directives < 0 ? value : value.substring(0, directives).strip();
    }

    private static String first(String... versions) {
        return Arrays.stream(versions).filter(Coordinates::isVersion).findFirst().orElse("");
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * The manifest up to the blank line that ends its main section: the sections after it describe single
     * entries (a signed jar lists a digest for every class), and only the beginning of a large one is read.
     */
    static byte[] mainSection(byte[] manifest) {
        boolean lineStart = false;
        for (int i = 0; i < manifest.length; i++) {
            byte b = manifest[i];
            if (b != '\n' && b != '\r') {
                lineStart = false;
            } else if (lineStart) {
                return Arrays.copyOf(manifest, i);
            } else {
                if (b == '\r' && i + 1 < manifest.length && manifest[i + 1] == '\n') {
                    i++;
                }
                lineStart = true;
            }
        }
        return manifest;
    }
}
