package dev.bulwark.agent.sensor.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/** The few libc calls the netlink sensors need, bound by JNA direct mapping (no JNI build step). */
final class LibC {

    static final int AF_NETLINK = 16;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_SOCK_DIAG = 4;
    static final int NETLINK_CONNECTOR = 11;
    static final int NETLINK_NETFILTER = 12;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVTIMEO = 20;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int ENOBUFS = 105;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final short POLLIN = 0x1;
    static final int EFD_NONBLOCK = 0x800;

    private static final boolean LOADED = load();

    private LibC() {
    }

    static boolean available() {
        return LOADED;
    }

    private static boolean load() {
        if (!Platform.isLinux()) {
            return false;
        }
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
        return true;
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    static native long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    static native long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    static native int setsockopt(int fd, int level, int option, byte[] value, int valueLength)
            throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int open(String path, int flags) throws LastErrorException;

    static native int eventfd(int initialValue, int flags) throws LastErrorException;

    static native long read(int fd, byte[] buffer, long length) throws LastErrorException;

    static native long write(int fd, byte[] buffer, long length) throws LastErrorException;

    /** Moves the calling thread into the namespace {@code fd} refers to. */
    static native int setns(int fd, int type) throws LastErrorException;

    /** {@code fds} holds struct pollfd: fd (int), events (short), revents (short), in host byte order. */
    static native int poll(byte[] fds, long count, int timeoutMillis) throws LastErrorException;
}
