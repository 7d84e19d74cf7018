package dev.bulwark.scanner.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tmpfs of a few megabytes mounted on a directory, to be filled up: a full disk under what Bulwark writes. Needs
 * root (CI runs as root; elsewhere the test is skipped, saying why, unless CI is set).
 */
public final class SmallDisk implements AutoCloseable {

    private final Path root;
    private final Path filler;

    private SmallDisk(Path root) {
        this.root = root;
        this.filler = root.resolve(".filler");
    }

    /** Mounts a tmpfs of {@code megabytes} on the (empty) directory. */
    public static SmallDisk mount(Path directory, int megabytes) throws IOException {
        boolean root = "0".equals(Containers.exec(List.of("id", "-u")).strip());
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(root, "mounting a small tmpfs for a full disk needs root");
        }
        Files.createDirectories(directory);
        Containers.exec(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", directory.toString()));
        return new SmallDisk(directory);
    }

    /** The mounted directory. */
    public Path root() {
        return root;
    }

    /** Writes a file until the disk refuses more: nothing can be written after this. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    /** Removes what {@link #fill} wrote. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() {
        Containers.exec(List.of("umount", "-l", root.toString()));
    }
}
