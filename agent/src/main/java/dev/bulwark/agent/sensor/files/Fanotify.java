package dev.bulwark.agent.sensor.files;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/** The libc calls and constants the fanotify sensor uses (see fanotify(7)); Linux x86_64 and arm64 only. */
final class Fanotify {

    static final int FAN_CLASS_NOTIF = 0x0;
    static final int FAN_CLOEXEC = 0x1;
    static final int FAN_NONBLOCK = 0x2;
    static final int FAN_MARK_ADD = 0x1;
    static final int FAN_MARK_MOUNT = 0x10;
    static final long FAN_MODIFY = 0x2;
    static final long FAN_CLOSE_WRITE = 0x8;
    static final long FAN_OPEN = 0x20;
    /** An open for execution (Linux 5.0): the executable of every exec, held open for us even if the process is gone. */
    static final long FAN_OPEN_EXEC = 0x1000;
    static final long FAN_Q_OVERFLOW = 0x4000;
    static final int O_RDONLY = 0;
    static final int O_LARGEFILE = 0x8000;
    static final int AT_FDCWD = -100;
    static final int POLLIN = 0x1;
    static final int EAGAIN = 11;
    static final int EINTR = 4;

    interface LibC extends Library {
        int fanotify_init(int flags, int eventFileFlags);

        int fanotify_mark(int fanotifyFd, int flags, long mask, int directoryFd, String path);

        /** {@code fds} holds struct pollfd pairs: {fd, events | revents << 16} on a little-endian machine. */
        int poll(int[] fds, int count, int timeoutMillis);

        NativeLong read(int fd, byte[] buffer, NativeLong count);

        int close(int fd);

        String strerror(int errno);
    }

    static final LibC LIBC = Native.load("c", LibC.class);

    private Fanotify() {
    }

    /** The last call's error, as {@code strerror} words and number. */
    static String lastError() {
        int errno = Native.getLastError();
        return LIBC.strerror(errno) + " (errno " + errno + ")";
    }
}
