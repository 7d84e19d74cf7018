package dev.bulwark.scanner.analyzer.java;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Counts the bytes unpacked from one top-level archive and every archive inside it, and stops past a
 * limit: a zip bomb (a few kilobytes that inflate to gigabytes, or archives nested to multiply) hits the
 * limit instead of the heap. One budget per top-level archive; never shared.
 */
final class InflateBudget {

    private final long limit;
    private long used;

    InflateBudget(long limit) {
        this.limit = limit;
    }

    /**
     * Reads at most {@code max} bytes of the stream, charging each against the budget.
     *
     * @throws InflateLimitExceeded when the budget runs out
     */
    Inflated read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        // One byte more than max tells content of exactly max bytes from longer content.
        long wanted = max + 1L;
        while (wanted > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted));
            if (n <= 0) {
                break;
            }
            charge(n);
            out.write(buffer, 0, n);
            wanted -= n;
        }
        byte[] bytes = out.toByteArray();
        return bytes.length > max ? new Inflated(Arrays.copyOf(bytes, max), false) : new Inflated(bytes, true);
    }

    private void charge(int n) {
        used += n;
        if (used > limit) {
            throw new InflateLimitExceeded(limit);
        }
    }

    /** Bytes read from an entry; {@code complete} is false when the entry held more than was asked for. */
    record Inflated(byte[] bytes, boolean complete) {
    }

    /** The budget ran out; the whole top-level archive fails, as a bomb should not yield a partial inventory. */
    static final class InflateLimitExceeded extends RuntimeException {
        private final long limit;

        InflateLimitExceeded(long limit) {
            super("more than " + limit + " bytes unpacked", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
