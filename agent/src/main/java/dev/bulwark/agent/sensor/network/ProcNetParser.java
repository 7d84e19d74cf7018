package dev.bulwark.agent.sensor.network;

import dev.bulwark.policy.runtime.Protocol;
import dev.bulwark.policy.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the kernel's socket tables ({@code /proc/net/tcp} and friends): {@code sl local_address rem_address st …}
 * where each address is {@code HEXADDR:HEXPORT}. IPv4 addresses are one 32-bit word and IPv6 addresses four,
 * each word printed in host (little-endian on x86 and arm64) byte order; ports are printed big-endian.
 */
public final class ProcNetParser {

    private ProcNetParser() {
    }

    /** Parses a whole table; the header line is skipped. */
    public static List<SocketEntry> parse(Protocol protocol, String table) {
        List<SocketEntry> entries = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                entries.add(parseLine(protocol, lines[i], i + 1));
            }
        }
        return List.copyOf(entries);
    }

    /** Parses one table line (not the header). */
    public static SocketEntry parseLine(Protocol protocol, String line, int lineNumber) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 4) {
            throw malformed(protocol, line, lineNumber, "expected at least 4 fields");
        }
        try {
            String[] local = fields[1].split(":");
            String[] remote = fields[2].split(":");
            return new SocketEntry(protocol, decodeAddress(local[0]), Numbers.parseHex(local[1], "the local port"),
                    decodeAddress(remote[0]), Numbers.parseHex(remote[1], "the remote port"),
                    Numbers.parseHex(fields[3], "the socket state"));
        } catch (RuntimeException e) {
            throw malformed(protocol, line, lineNumber, e.getMessage());
        }
    }

    /** Decodes an 8- or 32-hex-digit address of the socket tables into its textual form. */
    public static String decodeAddress(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("address '" + hex + "' is neither 8 (IPv4) nor 32 (IPv6) hex digits");
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2; // little-endian: the word's last hex pair is its first byte
                bytes[word * 4 + b] = (byte) Numbers.parseHex(hex.substring(at, at + 2), "an address byte");
            }
        }
        return textOf(bytes);
    }

    /** The textual form of a 4-byte (IPv4) or 16-byte (IPv6) address in network byte order, as the socket tables give it. */
    static String textOf(byte[] bytes) {
        return bytes.length == 4 ? ipv4(bytes) : ipv6(bytes);
    }

    private static String ipv4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** RFC 5952 form: lower case, the longest run of two or more zero groups shortened to {@code ::}. */
    private static String ipv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        if (isV4Mapped(groups)) {
            return "::ffff:" + ipv4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isV4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[5] == 0xffff;
    }

    private static IllegalArgumentException malformed(Protocol protocol, String line, int lineNumber, String why) {
        return new IllegalArgumentException("/proc/net/" + protocol.word() + " line " + lineNumber + " is not a socket entry ("
                + why + "): '" + line.trim() + "'");
    }
}
