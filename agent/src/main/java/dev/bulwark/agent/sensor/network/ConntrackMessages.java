package dev.bulwark.agent.sensor.network;

import dev.bulwark.agent.sensor.netlink.NetlinkMessages;
import dev.bulwark.policy.runtime.Protocol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire format of connection tracking events (include/uapi/linux/netfilter/nfnetlink.h, nfnetlink_conntrack.h):
 * {@code nlmsghdr} · {@code nfgenmsg} (family 1, version 1, resource 2) · attributes ({@code nlattr}: length 2, type
 * 2, host byte order, payload aligned to 4). A new connection's message has type {@code IPCTNL_MSG_CT_NEW} of the
 * {@code NFNL_SUBSYS_CTNETLINK} subsystem and nests its original and reply tuples: addresses, protocol number and
 * ports (ports in network byte order).
 */
final class ConntrackMessages {

    /** The multicast group of new connections ({@code NFNLGRP_CONNTRACK_NEW}), as a bind mask. */
    static final int NEW_CONNECTIONS_GROUP = 1;
    static final int CT_NEW = (1 << 8); // NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_NEW
    private static final int NFGENMSG = 4;
    private static final int TYPE_MASK = 0x3fff; // without NLA_F_NESTED and NLA_F_NET_BYTEORDER
    private static final int CTA_TUPLE_ORIG = 1;
    private static final int CTA_TUPLE_REPLY = 2;
    private static final int CTA_TUPLE_IP = 1;
    private static final int CTA_TUPLE_PROTO = 2;
    private static final int CTA_IP_V4_SRC = 1;
    private static final int CTA_IP_V4_DST = 2;
    private static final int CTA_IP_V6_SRC = 3;
    private static final int CTA_IP_V6_DST = 4;
    private static final int CTA_PROTO_NUM = 1;
    private static final int CTA_PROTO_SRC_PORT = 2;
    private static final int CTA_PROTO_DST_PORT = 3;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;

    private ConntrackMessages() {
    }

    /**
     * One direction of a tracked connection.
     *
     * @param source      the source address, textual
     * @param sourcePort  the source port
     * @param destination the destination address, textual
     * @param destinationPort the destination port
     */
    record Tuple(String source, int sourcePort, String destination, int destinationPort) {
    }

    /**
     * A new TCP or UDP connection as the kernel tracks it: {@code original} is the direction of its first packet
     * (who opened it), {@code reply} the answer's, after address translation (a published port's reply comes from the
     * container's address).
     */
    record NewConnection(Protocol protocol, Tuple original, Tuple reply) {
    }

    /** The new TCP and UDP connections in one datagram; other messages, protocols and truncated attributes are skipped. */
    static List<NewConnection> newConnections(byte[] datagram, int length) {
        List<NewConnection> connections = new ArrayList<>(1);
        NetlinkMessages.forEach(datagram, length, (buffer, type, payload, end) -> {
            if (type == CT_NEW && payload + NFGENMSG <= end) {
                connection(buffer, payload + NFGENMSG, end).ifPresent(connections::add);
            }
        });
        return connections;
    }

    private static Optional<NewConnection> connection(ByteBuffer buffer, int from, int end) {
        TupleFields[] tuples = new TupleFields[2]; // original, reply
        attributes(buffer, from, end, (type, at, length) -> {
            if (type == CTA_TUPLE_ORIG || type == CTA_TUPLE_REPLY) {
                tuples[type - CTA_TUPLE_ORIG] = tuple(buffer, at, at + length);
            }
        });
        TupleFields original = tuples[0];
        TupleFields reply = tuples[1];
        if (original == null || reply == null || !original.complete() || !reply.complete()) {
            return Optional.empty();
        }
        boolean v6 = original.source.length == 16;
        Protocol protocol = switch (original.protocol) {
            case IPPROTO_TCP -> v6 ? Protocol.TCP6 : Protocol.TCP;
            case IPPROTO_UDP -> v6 ? Protocol.UDP6 : Protocol.UDP;
            default -> null;
        };
        return protocol == null ? Optional.empty() : Optional.of(new NewConnection(protocol, original.tuple(), reply.tuple()));
    }

    /** What one tuple attribute held; addresses in network byte order. */
    private static final class TupleFields {
        byte[] source;
        byte[] destination;
        int protocol = -1;
        int sourcePort = -1;
        int destinationPort = -1;

        boolean complete() {
            return source != null && destination != null && protocol >= 0 && sourcePort >= 0 && destinationPort >= 0;
        }

        Tuple tuple() {
            return new Tuple(ProcNetParser.textOf(source), sourcePort, ProcNetParser.textOf(destination), destinationPort);
        }
    }

    private static TupleFields tuple(ByteBuffer buffer, int from, int end) {
        TupleFields fields = new TupleFields();
        attributes(buffer, from, end, (type, at, length) -> {
            if (type == CTA_TUPLE_IP) {
                attributes(buffer, at, at + length, (ipType, ipAt, ipLength) -> {
                    switch (ipType) {
                        case CTA_IP_V4_SRC, CTA_IP_V6_SRC -> fields.source = bytes(buffer, ipAt, ipLength);
                        case CTA_IP_V4_DST, CTA_IP_V6_DST -> fields.destination = bytes(buffer, ipAt, ipLength);
                        default -> { } // other address attributes are not needed
                    }
                });
            } else if (type == CTA_TUPLE_PROTO) {
                attributes(buffer, at, at + length, (protoType, protoAt, protoLength) -> {
                    switch (protoType) {
                        case CTA_PROTO_NUM -> fields.protocol = protoLength >= 1 ? Byte.toUnsignedInt(buffer.get(protoAt)) : -1;
                        case CTA_PROTO_SRC_PORT -> fields.sourcePort = port(buffer, protoAt, protoLength);
                        case CTA_PROTO_DST_PORT -> fields.destinationPort = port(buffer, protoAt, protoLength);
                        default -> { } // ICMP identifiers and types are not needed
                    }
                });
            }
        });
        return fields;
    }

    @FunctionalInterface
    private interface AttributeVisitor {
        void attribute(int type, int payload, int length);
    }

    /** Visits the attributes between {@code from} and {@code end}; a malformed one ends the walk. */
    private static void attributes(ByteBuffer buffer, int from, int end, AttributeVisitor visitor) {
        for (int at = from; at + 4 <= end; ) {
            int length = Short.toUnsignedInt(buffer.getShort(at));
            if (length < 4 || at + length > end) {
                return;
            }
            visitor.attribute(Short.toUnsignedInt(buffer.getShort(at + 2)) & TYPE_MASK, at + 4, length - 4);
            at += NetlinkMessages.align(length);
        }
    }

    private static byte[] bytes(ByteBuffer buffer, int at, int length) {
        if (length != 4 && length != 16) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(at, bytes);
        return bytes;
    }

    private static int port(ByteBuffer buffer, int at, int length) {
        return length >= 2 ? Short.toUnsignedInt(buffer.duplicate().order(ByteOrder.BIG_ENDIAN).getShort(at)) : -1;
    }
}
