package dev.bulwark.policy.runtime;

import dev.bulwark.policy.text.Numbers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One outbound destination of a policy, parsed: an address range (IPv4 or IPv6 CIDR, a bare address being a
 * range of one) or a host name ({@code db.internal}, or {@code *.example.com} for every name under
 * example.com but not example.com itself), with an optional port. Addresses are only ever parsed as
 * literals: matching never resolves a name.
 */
public final class Destination {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?:/(\\d{1,2}))?(?::(\\d{1,5}))?");
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9a-fA-F:.]+)](?:/(\\d{1,3}))?(?::(\\d{1,5}))?");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9*][A-Za-z0-9.*-]*)(?::(\\d{1,5}))?");
    private static final int ANY_PORT = -1;

    private final byte[] network;
    private final int prefix;
    private final String host;
    private final int port;

    private Destination(byte[] network, int prefix, String host, int port) {
        this.network = network;
        this.prefix = prefix;
        this.host = host;
        this.port = port;
    }

    /** Reads a destination as the policy writes it; throws IllegalArgumentException naming what is wrong. */
    public static Destination parse(String text) {
        for (Pattern pattern : new Pattern[] {IPV4, IPV6}) {
            Matcher m = pattern.matcher(text);
            if (m.matches()) {
                byte[] address = literal(m.group(1))
                        .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a valid address"));
                int bits = m.group(2) == null ? address.length * 8 : Numbers.parseInt(m.group(2), "the prefix length");
                if (bits > address.length * 8) {
                    throw new IllegalArgumentException("'" + text + "' has a prefix longer than its address");
                }
                return new Destination(address, bits, null, port(m.group(3)));
            }
        }
        Matcher m = HOST.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a destination");
        }
        return new Destination(null, 0, m.group(1).toLowerCase(Locale.ROOT), port(m.group(2)));
    }

    /** Whether a connection to the address (an IP literal or, when a sensor knows it, a host name) and port matches. */
    public boolean matches(String address, int connectionPort) {
        if (port != ANY_PORT && port != connectionPort) {
            return false;
        }
        String bare = bare(address);
        if (host != null) {
            String name = bare.toLowerCase(Locale.ROOT);
            return host.startsWith("*.") ? name.endsWith(host.substring(1)) : name.equals(host);
        }
        return literal(bare).map(this::inRange).orElse(false);
    }

    private boolean inRange(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[whole] & mask) == (network[whole] & mask);
    }

    /** Strips brackets and an IPv6 zone ({@code %eth0}). */
    private static String bare(String address) {
        String bare = address.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        int zone = bare.indexOf('%');
        return zone < 0 ? bare : bare.substring(0, zone);
    }

    /**
     * The bytes of an IP literal, IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}) as IPv4; empty for
     * anything else. Only strings that look like literals reach InetAddress, which then never does a lookup.
     */
    private static Optional<byte[]> literal(String text) {
        if (!text.contains(":")) {
            return ipv4(text);
        }
        if (!text.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> ipv4(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        String[] octets = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Numbers.parseInt(octets[i], "an IPv4 octet");
            if (octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        return Optional.of(bytes);
    }

    private static int port(String text) {
        return text == null ? ANY_PORT : Numbers.parseInt(text, "the port");
    }
}
