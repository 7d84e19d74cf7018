package dev.bulwark.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a failure to write a file was a full disk. SQLite does not always say so: a database in write-ahead-log
 * mode that cannot grow its shared-memory file reports a disk I/O error, so the space left is looked at too.
 */
public final class DiskSpace {

    /** Below this, a write that failed is taken to have failed for want of space. */
    private static final long NEARLY_FULL_BYTES = 1L << 20;

    private DiskSpace() {
    }

    /** Whether the error says the disk is full, or the disk holding {@code file} has (almost) no space left. */
    public static boolean isFull(Exception error, Path file) {
        String message = String.valueOf(error.getMessage());
        if (message.contains("disk is full") || message.contains("No space left") || message.contains("SQLITE_FULL")) {
            return true;
        }
        Path directory = file.toAbsolutePath().getParent();
        try {
            return directory != null && Files.getFileStore(directory).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException unknown) {
            return false;
        }
    }
}
