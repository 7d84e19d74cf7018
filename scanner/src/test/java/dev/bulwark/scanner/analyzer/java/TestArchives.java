package dev.bulwark.scanner.analyzer.java;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Archives for the tests: the committed real jars, and wars, ears and shaded jars built from them in memory. */
final class TestArchives {

    private TestArchives() {
    }

    /** A committed fixture, such as {@code happy/slf4j-api-2.0.17.jar}. */
    static byte[] fixture(String name) {
        try (InputStream in = TestArchives.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + " beside " + TestArchives.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the entries, in order, deflated. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zip(String name, byte[] content) {
        return zip(Map.of(name, content));
    }

    /** What the shade plugin makes: every entry of every jar in one, the first of each name kept. */
    static byte[] shade(byte[]... jars) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (byte[] jar : jars) {
            entries(jar).forEach(entries::putIfAbsent);
        }
        return zip(entries);
    }

    static Map<String, byte[]> entries(byte[] jar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && seen.add(entry.getName())) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A jar holding only a manifest with these main attributes. */
    static byte[] manifestOnly(Map<String, String> attributes) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        return zip("META-INF/MANIFEST.MF", manifestBytes(manifest));
    }

    static byte[] manifestBytes(Manifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            manifest.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
