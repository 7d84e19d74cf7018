package dev.bulwark.scanner.layer;

import dev.bulwark.scanner.image.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An uncompressed layer too large to hold, written by test code as it is read: a million entries, a file of
 * hundreds of megabytes. Written the same way, byte for byte, every time, so its diffID can be computed first.
 */
final class GeneratedLayer {

    /** Writes the layer's entries. */
    interface Content {
        void write(Entries entries) throws IOException;
    }

    /** What a {@link Content} writes with. */
    static final class Entries {
        private final TarArchiveOutputStream tar;

        private Entries(OutputStream out) {
            this.tar = new TarArchiveOutputStream(out, 1 << 16);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        }

        void file(String name, byte[] content) throws IOException {
            TarArchiveEntry entry = entry(name, TarArchiveEntry.LF_NORMAL);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }

        /** A file of {@code size} bytes, written piece by piece as {@code pieces} gives them (at least {@code size}). */
        void file(String name, long size, Pieces pieces) throws IOException {
            TarArchiveEntry entry = entry(name, TarArchiveEntry.LF_NORMAL);
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            long written = 0;
            for (int i = 0; written < size; i++) {
                byte[] piece = pieces.piece(i);
                int length = (int) Math.min(piece.length, size - written);
                tar.write(piece, 0, length);
                written += length;
            }
            tar.closeArchiveEntry();
        }

        void symlink(String name, String target) throws IOException {
            TarArchiveEntry entry = entry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(target);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }

        private static TarArchiveEntry entry(String name, byte type) {
            TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
            entry.setModTime(0);
            return entry;
        }

        private void finish() throws IOException {
            tar.finish();
            tar.flush();
        }
    }

    /** The i-th piece of a large file's content. */
    interface Pieces {
        byte[] piece(int i);
    }

    private final Content content;

    GeneratedLayer(Content content) {
        this.content = content;
    }

    /** The digest of the layer, found by writing it once to nowhere. */
    String diffId() {
        MessageDigest digest = Digests.sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            Entries entries = new Entries(out);
            content.write(entries);
            entries.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Digests.hex(digest);
    }

    /** The layer, written by another thread as it is read. */
    InputStream open() {
        try {
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> write(out), "generated-layer");
            writer.setDaemon(true);
            writer.start();
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PipedOutputStream out) {
        try (out) {
            Entries entries = new Entries(out);
            content.write(entries);
            entries.finish();
        } catch (IOException e) {
            // The reader stopped early (a limit was hit, or the test failed): nothing more to write.
            if (!String.valueOf(e.getMessage()).contains("Pipe closed") && !String.valueOf(e.getMessage()).contains("Read end dead")) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
