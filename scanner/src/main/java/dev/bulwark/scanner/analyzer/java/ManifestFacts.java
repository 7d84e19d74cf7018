package dev.bulwark.scanner.analyzer.java;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * What the main section of an archive's {@code META-INF/MANIFEST.MF} says about its identity. Every value is
 * stripped, and empty when the attribute is missing; the bundle symbolic name loses its directives
 * ({@code ;singleton:=true}).
 */
record ManifestFacts(String implementationTitle, String implementationVersion, String implementationVendorId,
                     String bundleSymbolicName, String bundleVersion, String automaticModuleName) {

    static final ManifestFacts NONE = new ManifestFacts("", "", "", "", "", "");

    /**
     * Reads the main section of a manifest, perhaps only its beginning.
     *
     * @throws IOException when the main section is malformed
     */
    static ManifestFacts parse(byte[] manifest) throws IOException {
        if (manifest.length == 0) {
            return NONE;
        }
        Attributes main = new Manifest(new ByteArrayInputStream(mainSection(manifest))).getMainAttributes();
        String symbolicName = value(main, "Bundle-SymbolicName");
        int directives = symbolicName.indexOf(';');
        return new ManifestFacts(value(main, "Implementation-Title"), value(main, "Implementation-Version"),
                value(main, "Implementation-Vendor-Id"), directives < 0 ? symbolicName : symbolicName.substring(0, directives).strip(),
                value(main, "Bundle-Version"), value(main, "Automatic-Module-Name"));
    }

    private static String value(Attributes main, String name) {
        String value = main.getValue(name);
        return value == null ? "" : value.strip();
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
