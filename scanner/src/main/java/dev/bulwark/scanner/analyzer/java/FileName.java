package dev.bulwark.scanner.analyzer.java;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an archive's file name says: Maven names artifacts {@code artifactId-version.jar}, so the name splits
 * at the first '-' that is followed by a digit ({@code jackson-databind-2.17.0.jar},
 * {@code netty-handler-4.1.118.Final.jar}). The version keeps everything after that point, classifiers
 * included; a name with no such '-' is all artifactId and has no version.
 *
 * @param artifactId the artifactId the name suggests, or empty
 * @param version    the version the name suggests, or empty
 */
record FileName(String artifactId, String version) {

    /** The extensions of Java archives, lower case: Jenkins plugins (jpi, hpi) are jars too. */
    static final List<String> EXTENSIONS = List.of(".jar", ".war", ".ear", ".par", ".jpi", ".hpi");

    /** Whether the path names a Java archive, whatever the case of its extension. */
    static boolean isJavaArchive(String path) {
        String base = baseName(path).toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(extension -> base.length() > extension.length() && base.endsWith(extension));
    }

    /** The last part of a path inside an image or an archive. */
    static String baseName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    static FileName parse(String path) {
        String base = baseName(path);
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        for (int i = 1; i < stem.length() - 1; i++) {
            if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
                return new FileName(stem.substring(0, i), stem.substring(i + 1));
            }
        }
        return new FileName(stem, "");
    }

    /** The coordinates the name alone gives: no group, and only if it has a version. */
    Optional<Coordinates> coordinates() {
        return Coordinates.of("", artifactId, version);
    }
}
