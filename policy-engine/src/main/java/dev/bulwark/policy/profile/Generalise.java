package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.Destination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How learned items are generalised so that a profile stays short and does not flag tomorrow's log file: numbers and
 * long hexadecimal names in paths become {@code *}, many files in one directory become {@code DIR/**}, and many
 * peers in one /24 on one port become that network.
 */
public final class Generalise {

    /** Children of one directory before they are learned as the whole directory. */
    static final int DIRECTORY_FANOUT = 8;
    /** Peers in one /24 on one port before they are learned as the network. */
    static final int NETWORK_FANOUT = 4;

    private static final Pattern HEX_NAME = Pattern.compile("(?=[0-9a-f]*[0-9])[0-9a-f]{8,}");
    private static final Pattern DIGITS = Pattern.compile("\\d{2,}");
    private static final Pattern IPV4_ITEM = Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}:(\\d{1,5})");

    private Generalise() {
    }

    /** A path as a profile learns it: runs of two or more digits and hexadecimal names become {@code *}. */
    public static String path(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            segments.add(DIGITS.matcher(HEX_NAME.matcher(segment).replaceAll("*")).replaceAll("*"));
        }
        return "/" + String.join("/", segments);
    }

    /** A peer as a profile learns it: {@code 10.0.0.7:5432}, or {@code [fd00::7]:5432} for IPv6. */
    public static String peer(String address, int port) {
        String bare = address.startsWith("[") ? address.substring(1, address.indexOf(']')) : address;
        return (bare.contains(":") ? "[" + bare + "]" : bare) + ":" + port;
    }

    /** Whether a learned write item covers a (generalised) path: the same, or a {@code DIR/**} above it. */
    static boolean writeCovers(String item, String path) {
        if (item.endsWith("/**")) {
            String directory = item.substring(0, item.length() - 3);
            return path.equals(directory) || path.startsWith(directory + "/");
        }
        return item.equals(path);
    }

    /** Whether a learned peer item (an address or a network, with its port) covers a connection. */
    static boolean peerCovers(String item, String address, int port) {
        try {
            return Destination.parse(item).matches(address, port);
        } catch (IllegalArgumentException notADestination) {
            return false;
        }
    }

    /**
     * The directory whose children should be learned as {@code DIR/**} once this path joins them: a directory at
     * least two levels deep (never {@code /usr} or {@code /var} as a whole) with {@value #DIRECTORY_FANOUT} or more
     * learned children.
     */
    static Optional<String> crowdedDirectory(String path, Map<String, ItemStats> items) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String directory = path.substring(0, slash);
        if (directory.chars().filter(c -> c == '/').count() < 2) {
            return Optional.empty();
        }
        long children = items.keySet().stream().filter(item -> item.startsWith(directory + "/")).count();
        return children >= DIRECTORY_FANOUT ? Optional.of(directory) : Optional.empty();
    }

    /** The /24 network ({@code 10.0.3.0/24:5432}) this IPv4 peer and its neighbours should be learned as, if crowded. */
    static Optional<String> crowdedNetwork(String peer, Map<String, ItemStats> items) {
        var matcher = IPV4_ITEM.matcher(peer);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = matcher.group(1) + ".";
        String port = ":" + matcher.group(2);
        long neighbours = items.keySet().stream()
                .filter(item -> item.startsWith(prefix) && item.endsWith(port) && IPV4_ITEM.matcher(item).matches()).count();
        return neighbours >= NETWORK_FANOUT ? Optional.of(matcher.group(1) + ".0/24" + port) : Optional.empty();
    }
}
