package dev.bulwark.scanner.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A gzip layer holding one huge zero-filled entry (and a small file after it), compressed on the fly so the
 * test never holds it in memory or on disk: about 1 MB of gzip per GB of content.
 */
final class ZeroFilledLayer {

    private ZeroFilledLayer() {
    }

    static InputStream gzipped(String bigName, long bigSize, String afterName, String afterContent) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = new Thread(() -> write(out, bigName, bigSize, afterName, afterContent), "zero-filled-layer");
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    private static void write(PipedOutputStream out, String bigName, long bigSize, String afterName, String afterContent) {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out, 1 << 16))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry big = new TarArchiveEntry(bigName, true);
            big.setSize(bigSize);
            big.setModTime(0); // the same layer, byte for byte, every time it is made
            tar.putArchiveEntry(big);
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < bigSize; written += zeros.length) {
                tar.write(zeros, 0, (int) Math.min(zeros.length, bigSize - written));
            }
            tar.closeArchiveEntry();
            byte[] data = afterContent.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            TarArchiveEntry after = new TarArchiveEntry(afterName, true);
            after.setSize(data.length);
            after.setModTime(0);
            tar.putArchiveEntry(after);
            tar.write(data);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            // The reader stopped early (a limit was hit): nothing more to write.
            if (!String.valueOf(e.getMessage()).contains("Pipe closed") && !String.valueOf(e.getMessage()).contains("Read end dead")) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
