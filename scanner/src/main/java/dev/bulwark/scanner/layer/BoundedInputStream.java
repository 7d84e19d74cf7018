package dev.bulwark.scanner.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what is read through it and stops with a {@link LayerException} past a limit. */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    BoundedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new LayerException(what + " expands to more than " + limit + " bytes: it may be a decompression bomb;"
                    + " if the image is genuine, raise the layer size limit");
        }
    }

    long count() {
        return count;
    }
}
