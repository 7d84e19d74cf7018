package dev.bulwark.agent.sensor.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Walks the netlink messages of one datagram (include/uapi/linux/netlink.h): each is a {@code nlmsghdr} (length 4,
 * type 2, flags 2, sequence 4, port 4, in host byte order) and its payload, aligned to 4 bytes. A truncated tail
 * ends the walk.
 */
public final class NetlinkMessages {

    /** The size of {@code nlmsghdr}. */
    public static final int HEADER = 16;

    /** What is done with each message. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * One message.
         *
         * @param buffer  the datagram, in host byte order
         * @param type    the message's type
         * @param payload where its payload starts
         * @param end     where the message ends
         */
        void message(ByteBuffer buffer, int type, int payload, int end);
    }

    private NetlinkMessages() {
    }

    /** Visits every whole message of the datagram's first {@code length} bytes. */
    public static void forEach(byte[] datagram, int length, Visitor visitor) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram, 0, length).order(ByteOrder.nativeOrder());
        int offset = 0;
        while (offset + HEADER <= length) {
            int messageLength = buffer.getInt(offset);
            if (messageLength < HEADER || offset + messageLength > length) {
                break;
            }
            visitor.message(buffer, Short.toUnsignedInt(buffer.getShort(offset + 4)), offset + HEADER, offset + messageLength);
            offset += align(messageLength);
        }
    }

    /** Netlink's 4-byte alignment. */
    public static int align(int length) {
        return (length + 3) & ~3;
    }
}
