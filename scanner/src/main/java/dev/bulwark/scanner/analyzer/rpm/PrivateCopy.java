package dev.bulwark.scanner.analyzer.rpm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Bytes written to a file in a new temp directory that only this user can enter, for libraries that open files
 * and not streams. Closing removes the directory with everything in it, including files the library added
 * (an SQLite journal, say).
 */
final class PrivateCopy implements AutoCloseable {

    private final Path directory;
    private final Path file;

    PrivateCopy(String purpose, byte[] content) {
        try {
            directory = Files.createTempDirectory("bulwark-" + purpose + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temp directory for " + purpose + " (set java.io.tmpdir to a writable place)", e);
        }
        try {
            file = Files.write(Files.createTempFile(directory, purpose + "-", ".tmp"), content);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("writing " + content.length + " bytes to " + directory + " (is the disk full?)", e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing the temp directory " + directory, e);
        }
    }
}
