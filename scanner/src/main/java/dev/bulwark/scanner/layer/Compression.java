package dev.bulwark.scanner.layer;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Detects a layer's compression from its first bytes (gzip, zstd or none) and decompresses it as a stream. */
final class Compression {

    private Compression() {
    }

    /**
     * A layer's content, and whether its blob was compressed at all.
     *
     * @param content    the uncompressed tar
     * @param compressed false when the blob is the tar itself
     */
    record Opened(InputStream content, boolean compressed) {
    }

    static InputStream decompress(InputStream raw) throws IOException {
        return open(raw).content();
    }

    static Opened open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new Opened(new GZIPInputStream(in, 1 << 16), true);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return new Opened(new ZstdInputStream(in), true);
        }
        return new Opened(in, false);
    }
}
