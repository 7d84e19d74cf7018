package dev.bulwark.scanner.analyzer.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code META-INF/maven/<groupId>/<artifactId>/pom.properties}, which Maven writes into every artifact it
 * packages and the shade and assembly plugins carry over from every artifact they merge: the most reliable
 * identity an archive has. Files of that name elsewhere (test resources, say) are not Maven's and are ignored.
 */
final class PomProperties {

    private static final Pattern LOCATION = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

    private PomProperties() {
    }

    static boolean isPomProperties(String entryName) {
        return LOCATION.matcher(entryName).matches();
    }

    /**
     * The coordinates the file gives, or empty when it lacks one of groupId, artifactId and version or holds
     * an unexpanded placeholder such as {@code ${project.version}}.
     *
     * @throws IOException when the file is not a properties file (a malformed {@code \\u} escape)
     */
    static Optional<Coordinates> parse(byte[] content) throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(content));
        } catch (IllegalArgumentException e) {
            throw new IOException("it is not a valid properties file: " + e.getMessage(), e);
        }
        String groupId = properties.getProperty("groupId");
        if (groupId == null || groupId.isBlank()) {
            return Optional.empty();
        }
        return Coordinates.of(groupId, properties.getProperty("artifactId"), properties.getProperty("version"));
    }
}
