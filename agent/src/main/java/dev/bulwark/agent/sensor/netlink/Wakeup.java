package dev.bulwark.agent.sensor.netlink;

import com.sun.jna.LastErrorException;

/**
 * An eventfd(2) a reader puts beside its descriptors in poll(2), so that it can wait long when nothing happens and
 * still wake at once when another thread changes what it reads (a new fanotify group) or stops it. Ringing after
 * {@link #close} does nothing: a closed descriptor's number may already belong to another file.
 */
public final class Wakeup implements AutoCloseable {

    private static final byte[] ONE = {1, 0, 0, 0, 0, 0, 0, 0};
    private final int fd;
    private final byte[] counter = new byte[8];
    private boolean closed;

    public Wakeup() {
        if (!LibC.available()) {
            throw new IllegalStateException("eventfd needs Linux, not " + System.getProperty("os.name"));
        }
        try {
            fd = LibC.eventfd(0, LibC.O_CLOEXEC | LibC.EFD_NONBLOCK);
        } catch (LastErrorException e) {
            throw new IllegalStateException("eventfd failed (errno " + e.getErrorCode() + ")", e);
        }
    }

    /** The descriptor to poll for input (POLLIN): readable once rung, until {@link #clear}ed. */
    public int descriptor() {
        return fd;
    }

    /** Wakes the reader polling this descriptor. */
    public synchronized void ring() {
        if (!closed) {
            LibC.write(fd, ONE, ONE.length);
        }
    }

    /** Called by the reader once woken, so that the next poll waits again. */
    public synchronized void clear() {
        if (closed) {
            return;
        }
        try {
            LibC.read(fd, counter, counter.length);
        } catch (LastErrorException notRung) {
            if (notRung.getErrorCode() != LibC.EAGAIN) {
                throw new IllegalStateException("reading an eventfd failed (errno " + notRung.getErrorCode() + ")", notRung);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
        }
    }
}
