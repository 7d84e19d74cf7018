package dev.bulwark.agent.sensor.resources;

import dev.bulwark.policy.text.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of a container's resource counters from the kernel's own files, without asking the engine: its
 * cgroup (v2: {@code cpu.stat}, {@code memory.current}, {@code pids.current}, {@code io.stat}; v1: the
 * {@code cpuacct}, {@code memory}, {@code pids} and {@code blkio} controllers) found through
 * {@code /proc/<pid>/cgroup}, and its network namespace's {@code /proc/<pid>/net/dev}.
 *
 * @param cpuNanos     CPU time used since the cgroup was created
 * @param memoryBytes  memory in use
 * @param pids         processes (and threads) in the cgroup
 * @param networkBytes bytes received and sent on the container's interfaces other than loopback
 * @param blockBytes   bytes read and written on block devices
 */
record CgroupUsage(long cpuNanos, long memoryBytes, long pids, long networkBytes, long blockBytes) {

    /** Reads the counters of the container whose main process this is; empty when the process is gone. */
    static Optional<CgroupUsage> read(Path proc, Path cgroupRoot, long pid) throws IOException {
        Path process = proc.resolve(Long.toString(pid));
        String cgroups;
        try {
            cgroups = Files.readString(process.resolve("cgroup"));
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        }
        Map<String, String> paths = controllerPaths(cgroups);
        long network = networkBytes(Files.readString(process.resolve("net/dev")));
        if (paths.containsKey("") && Files.exists(cgroupRoot.resolve("cgroup.controllers"))) {
            Path group = under(cgroupRoot, paths.get(""));
            return Optional.of(new CgroupUsage(field(Files.readString(group.resolve("cpu.stat")), "usage_usec") * 1000,
                    number(group.resolve("memory.current")), number(group.resolve("pids.current")), network,
                    ioStatBytes(readIfExists(group.resolve("io.stat")))));
        }
        for (String controller : new String[] {"cpuacct", "memory", "pids", "blkio"}) {
            if (!paths.containsKey(controller)) {
                throw new IOException("process " + pid + " is in no " + controller + " cgroup (" + cgroups.strip().replace('\n', ' ') + ")");
            }
        }
        return Optional.of(new CgroupUsage(number(under(cgroupRoot.resolve("cpuacct"), paths.get("cpuacct")).resolve("cpuacct.usage")),
                number(under(cgroupRoot.resolve("memory"), paths.get("memory")).resolve("memory.usage_in_bytes")),
                number(under(cgroupRoot.resolve("pids"), paths.get("pids")).resolve("pids.current")), network,
                blkioBytes(readIfExists(under(cgroupRoot.resolve("blkio"), paths.get("blkio")).resolve(
                        "blkio.throttle.io_service_bytes_recursive")))));
    }

    /** Controller → path of a {@code /proc/<pid>/cgroup} file; the unified (v2) hierarchy under the key {@code ""}. */
    static Map<String, String> controllerPaths(String cgroupFile) {
        Map<String, String> paths = new HashMap<>();
        for (String line : cgroupFile.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            if (fields[0].equals("0") && fields[1].isEmpty()) {
                paths.put("", fields[2].strip());
            }
            for (String controller : fields[1].split(",")) {
                if (!controller.isEmpty()) {
                    paths.put(controller, fields[2].strip());
                }
            }
        }
        return paths;
    }

    /** Received plus sent bytes of every interface but loopback in a {@code /proc/net/dev} table. */
    static long networkBytes(String netDev) {
        long total = 0;
        for (String line : netDev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.substring(0, colon).strip().equals("lo")) {
                continue;
            }
            String[] counters = line.substring(colon + 1).strip().split("\\s+");
            if (counters.length >= 9) {
                total += Numbers.parseLong(counters[0], "received bytes in /proc/net/dev")
                        + Numbers.parseLong(counters[8], "sent bytes in /proc/net/dev");
            }
        }
        return total;
    }

    /** The value of a {@code key value} line (cpu.stat). */
    static long field(String keyValues, String key) {
        for (String line : keyValues.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                return Numbers.parseLong(parts[1], key + " in cpu.stat");
            }
        }
        return 0;
    }

    /** Read and written bytes of a v2 {@code io.stat} ({@code MAJ:MIN rbytes=N wbytes=N …} per device). */
    static long ioStatBytes(String ioStat) {
        long total = 0;
        for (String token : ioStat.split("\\s+")) {
            if (token.startsWith("rbytes=") || token.startsWith("wbytes=")) {
                total += Numbers.parseLong(token.substring(token.indexOf('=') + 1), token + " in io.stat");
            }
        }
        return total;
    }

    /** Read and written bytes of a v1 {@code blkio.throttle.io_service_bytes_recursive} ({@code MAJ:MIN Read N}). */
    static long blkioBytes(String serviceBytes) {
        long total = 0;
        for (String line : serviceBytes.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 3 && (parts[1].equals("Read") || parts[1].equals("Write"))) {
                total += Numbers.parseLong(parts[2], "bytes in blkio.throttle.io_service_bytes_recursive");
            }
        }
        return total;
    }

    private static Path under(Path root, String cgroupPath) {
        return root.resolve(cgroupPath.replaceFirst("^/+", ""));
    }

    private static long number(Path file) throws IOException {
        String text = Files.readString(file).strip();
        return text.equals("max") ? Long.MAX_VALUE : Numbers.parseLong(text, "the number in " + file);
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
