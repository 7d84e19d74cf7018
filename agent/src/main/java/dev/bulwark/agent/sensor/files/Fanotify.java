package dev.bulwark.agent.sensor.files;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The libc calls and constants the fanotify sensor and the exec guard use (see fanotify(7), fanotify_mark(2));
 * Linux x86_64 and arm64 only.
 */
public final class Fanotify {

    public static final int FAN_CLASS_NOTIF = 0x0;
    public static final int FAN_CLOEXEC = 0x1;
    public static final int FAN_NONBLOCK = 0x2;
    public static final int FAN_MARK_ADD = 0x1;
    public static final int FAN_MARK_MOUNT = 0x10;
    public static final long FAN_MODIFY = 0x2;
    public static final long FAN_CLOSE_WRITE = 0x8;
    public static final long FAN_OPEN = 0x20;
    /** An open for execution (Linux 5.0): the executable of every exec, held open for us even if the process is gone. */
    public static final long FAN_OPEN_EXEC = 0x1000;
    public static final long FAN_Q_OVERFLOW = 0x4000;
    /** A group that may answer permission events before content is read. */
    public static final int FAN_CLASS_CONTENT = 0x4;
    /** Mark the path itself, not what a symbolic link at its end points to. */
    public static final int FAN_MARK_DONT_FOLLOW = 0x4;
    /** An open that waits for the group's answer. */
    public static final long FAN_OPEN_PERM = 0x10000;
    /** An open for execution that waits for the group's answer (Linux 5.0). */
    public static final long FAN_OPEN_EXEC_PERM = 0x40000;
    public static final int FAN_ALLOW = 0x1;
    public static final int FAN_DENY = 0x2;
    public static final int O_RDONLY = 0;
    public static final int O_LARGEFILE = 0x8000;
    public static final int AT_FDCWD = -100;
    public static final int POLLIN = 0x1;
    public static final int EAGAIN = 11;
    public static final int EINTR = 4;

    public interface LibC extends Library {
        int fanotify_init(int flags, int eventFileFlags);

        int fanotify_mark(int fanotifyFd, int flags, long mask, int directoryFd, String path);

        /** {@code fds} holds struct pollfd pairs: {fd, events | revents << 16} on a little-endian machine. */
        int poll(int[] fds, int count, int timeoutMillis);

        NativeLong read(int fd, byte[] buffer, NativeLong count);

        NativeLong write(int fd, byte[] buffer, NativeLong count);

        int close(int fd);

        /** The calling thread's ID (glibc 2.30 and later). */
        int gettid();

        /** With {@code which} 0 (PRIO_PROCESS) and a thread ID, sets that thread's nice value. */
        int setpriority(int which, int who, int prio);

        int sched_setscheduler(int pid, int policy, int[] param);

        String strerror(int errno);
    }

    public static final LibC LIBC = Native.load("c", LibC.class);

    private Fanotify() {
    }

    /** The last call's error, as {@code strerror} words and number. */
    public static String lastError() {
        int errno = Native.getLastError();
        return LIBC.strerror(errno) + " (errno " + errno + ")";
    }
}
