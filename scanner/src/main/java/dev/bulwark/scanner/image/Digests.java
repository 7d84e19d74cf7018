package dev.bulwark.scanner.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests ({@code sha256:…}) and streams that check them. */
public final class Digests {

    private Digests() {
    }

    public static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * A digest as Bulwark writes them.
     *
     * @param digest a SHA-256 digest that has seen all its input
     * @return {@code sha256:} and the hex of the digest
     */
    public static String hex(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * A stream that computes the digest of everything read through it and, when closed, reads what is left
     * and fails if the digest is not the expected one.
     */
    public static InputStream verifying(InputStream in, String expected, String what) {
        if (!expected.startsWith("sha256:")) {
            throw new ImageFormatException(what + " has digest " + expected + ": only sha256 digests are supported");
        }
        return new Verifying(in, expected, what);
    }

    private static final class Verifying extends FilterInputStream {
        private final MessageDigest digest = sha256();
        private final String expected;
        private final String what;
        private boolean closed;

        Verifying(InputStream in, String expected, String what) {
            super(in);
            this.expected = expected;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                byte[] buffer = new byte[1 << 16];
                while (read(buffer, 0, buffer.length) >= 0) {
                    // drain: the digest covers the whole blob
                }
                String actual = "sha256:" + HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(expected)) {
                    throw new ImageFormatException(what + " has digest " + actual + " but should have " + expected
                            + ": the blob is corrupt or was tampered with");
                }
            } finally {
                super.close();
            }
        }
    }
}
