package dev.bulwark.scanner.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A registry's answer body that must keep moving: the time Bulwark spends waiting inside {@code read} is added
 * up, and starts over each time {@link RegistryTimeouts#progressBytes()} have arrived. When it passes
 * {@link RegistryTimeouts#stall()} the body is closed under the waiting reader, which gets an
 * {@link IOException} saying so. Only waiting counts: a reader that is slow itself (analysing a large file
 * between reads) is never cut off.
 */
final class ProgressGuardedStream extends FilterInputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bulwark-registry-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final RegistryTimeouts timeouts;
    private final String what;
    private final ScheduledFuture<?> watch;
    private long waitedNanos;
    private long progress;
    private long readSince = -1;
    private boolean stalled;
    private boolean closed;

    ProgressGuardedStream(InputStream body, RegistryTimeouts timeouts, String what) {
        super(body);
        this.timeouts = timeouts;
        this.what = what;
        long period = Math.max(10, Math.min(1000, timeouts.stall().toMillis() / 4));
        this.watch = WATCHDOG.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        waiting();
        int n = -1;
        try {
            n = super.read(buffer, offset, length);
            return n;
        } finally {
            arrived(n);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
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

    private synchronized void waiting() throws IOException {
        if (stalled) {
            throw stalledError();
        }
        readSince = System.nanoTime();
    }

    private synchronized void arrived(int n) throws IOException {
        waitedNanos += System.nanoTime() - readSince;
        readSince = -1;
        if (stalled) {
            throw stalledError();
        }
        if (n < 0) {
            watch.cancel(false);
            return;
        }
        progress += n;
        if (progress >= timeouts.progressBytes()) {
            progress = 0;
            waitedNanos = 0;
        }
    }

    private void check() {
        synchronized (this) {
            long waited = waitedNanos + (readSince < 0 ? 0 : System.nanoTime() - readSince);
            if (stalled || closed || waited <= timeouts.stall().toNanos()) {
                return;
            }
            stalled = true;
        }
        watch.cancel(false);
        try {
            in.close(); // wakes the reader, which then finds the body stalled
        } catch (IOException e) {
            // The reader is woken by the close or finds the stream stalled on its next read either way.
            System.getLogger(ProgressGuardedStream.class.getName()).log(System.Logger.Level.DEBUG, "closing a stalled body", e);
        }
    }

    private IOException stalledError() {
        return new IOException(what + " kept Bulwark waiting more than " + timeouts.stall().toSeconds() + " s for "
                + timeouts.progressBytes() + " bytes: the registry is stalled or far too slow; try again, and check the"
                + " registry if it keeps happening");
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
        }
        watch.cancel(false);
        super.close();
    }
}
