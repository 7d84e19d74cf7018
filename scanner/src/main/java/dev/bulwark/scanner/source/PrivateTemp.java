package dev.bulwark.scanner.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temp directory only this user can read, removed with everything in it when closed. */
public final class PrivateTemp implements AutoCloseable {

    private final Path directory;

    public PrivateTemp(String purpose) {
        try {
            directory = Files.createTempDirectory("bulwark-" + purpose + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temp directory (set java.io.tmpdir to a writable place)", e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + directory, e);
        }
    }
}
