package dev.bulwark.agent.sensor.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which container owns an IP address: each container's own addresses, read from its network namespace through its
 * main process ({@code /proc/<pid>/net/fib_trie} for IPv4, {@code /proc/<pid>/net/if_inet6} for IPv6), loopback
 * left out. Read again for a container whose main process changed, and on {@link #refresh} for all.
 */
final class ContainerAddresses {

    private final Path proc;
    private final Map<String, Long> readFor = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();

    ContainerAddresses(Path proc) {
        this.proc = Objects.requireNonNull(proc, "proc");
    }

    /** The container with this address, or {@code null}. */
    String owner(String address) {
        return owners.get(address);
    }

    /**
     * Brings the addresses up to date with the running containers (full ID → main process ID): containers that are
     * new or whose main process changed are read, gone ones forgotten; with {@code all}, every container is read again
     * (a container may have joined a network since).
     */
    void update(Map<String, Long> running, boolean all) {
        if (!all && running.equals(readFor)) {
            return;
        }
        Map<String, String> now = new HashMap<>();
        owners.forEach((address, container) -> {
            if (!all && running.containsKey(container) && running.get(container).equals(readFor.get(container))) {
                now.put(address, container);
            }
        });
        running.forEach((container, pid) -> {
            if (all || !pid.equals(readFor.get(container))) {
                addressesOf(pid).forEach(address -> now.put(address, container));
            }
        });
        owners.clear();
        owners.putAll(now);
        readFor.clear();
        readFor.putAll(running);
    }

    /** The addresses of the network namespace a process is in; none when it is gone. */
    Set<String> addressesOf(long pid) {
        Set<String> addresses = new HashSet<>();
        Path net = proc.resolve(Long.toString(pid)).resolve("net");
        try {
            addresses.addAll(ipv4(Files.readString(net.resolve("fib_trie"))));
            Path inet6 = net.resolve("if_inet6");
            if (Files.exists(inet6)) {
                addresses.addAll(ipv6(Files.readString(inet6)));
            }
        } catch (IOException gone) {
            return Set.of(); // the process ended: the container is gone or restarting, and is read again by its new pid
        }
        return addresses;
    }

    /** The local IPv4 addresses of a {@code fib_trie}: each {@code |-- ADDRESS} followed by a {@code /32 host LOCAL} line. */
    static Set<String> ipv4(String fibTrie) {
        Set<String> addresses = new HashSet<>();
        String last = null;
        for (String line : fibTrie.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("|-- ")) {
                last = trimmed.substring(4).strip();
            } else if (last != null && trimmed.startsWith("/32 host LOCAL") && !last.startsWith("127.")) {
                addresses.add(last);
            }
        }
        return addresses;
    }

    /** The IPv6 addresses of an {@code if_inet6} table (32 hex digits in network order first), loopback and link-local left out. */
    static Set<String> ipv6(String ifInet6) {
        Set<String> addresses = new HashSet<>();
        for (String line : ifInet6.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 6 || fields[0].length() != 32 || fields[5].equals("lo") || fields[0].startsWith("fe80")) {
                continue;
            }
            addresses.add(ProcNetParser.textOf(HexFormat.of().parseHex(fields[0])));
        }
        return addresses;
    }
}
