package dev.bulwark.scanner.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads OSV records from local files: one record per JSON or YAML file, a directory of them (any depth), or
 * a zip of them (the OSV exports' {@code all.zip}).
 */
final class OsvFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final long MAX_RECORD_BYTES = 64L << 20;

    private OsvFiles() {
    }

    /** Hands every record under the path to the consumer; returns how many there were. */
    static long read(Path path, String source, Consumer<OsvRecord> records) {
        if (Files.isDirectory(path)) {
            return directory(path, source, records);
        }
        if (!Files.isRegularFile(path)) {
            throw new OsvFormatException(path + " does not exist: name an OSV export (all.zip), a directory of OSV records,"
                    + " or one OSV JSON/YAML file");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(path)) {
            if (name.endsWith(".zip")) {
                return zip(in, path.toString(), source, records);
            }
            records.accept(parse(in.readAllBytes(), path.toString(), source));
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    static long zip(InputStream in, String where, String source, Consumer<OsvRecord> records) throws IOException {
        long count = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !isRecordFile(entry.getName())) {
                    continue;
                }
                byte[] bytes = zip.readNBytes((int) MAX_RECORD_BYTES + 1);
                if (bytes.length > MAX_RECORD_BYTES) {
                    throw new OsvFormatException(where + "!" + entry.getName() + " is larger than 64 MiB: not an OSV record");
                }
                records.accept(parse(bytes, where + "!" + entry.getName(), source));
                count++;
            }
        }
        return count;
    }

    private static long directory(Path root, String source, Consumer<OsvRecord> records) {
        try (Stream<Path> files = Files.walk(root)) {
            long count = 0;
            for (Path file : files.filter(Files::isRegularFile).filter(f -> isRecordFile(f.toString()))
                    .sorted(Comparator.naturalOrder()).toList()) {
                records.accept(parse(Files.readAllBytes(file), file.toString(), source));
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + root, e);
        }
    }

    private static boolean isRecordFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    static OsvRecord parse(byte[] bytes, String where, String source) {
        JsonNode node;
        try {
            boolean yaml = where.toLowerCase(Locale.ROOT).endsWith(".yaml") || where.toLowerCase(Locale.ROOT).endsWith(".yml");
            node = (yaml ? YAML : JSON).readTree(bytes);
        } catch (IOException e) {
            throw new OsvFormatException(where + " cannot be parsed: " + originalMessage(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new OsvFormatException(where + " is not an OSV record (expected one JSON/YAML object)");
        }
        return OsvParser.parse(node, where, source);
    }

    private static String originalMessage(IOException e) {
        return e.getMessage();
    }
}
