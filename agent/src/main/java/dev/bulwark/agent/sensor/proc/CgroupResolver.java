package dev.bulwark.agent.sensor.proc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a host PID to the ID of the Docker container it runs in, from {@code /proc/<pid>/cgroup}. Understands the
 * cgroup v2 line ({@code 0::/system.slice/docker-<id>.scope} with the systemd driver, {@code 0::/docker/<id>} with
 * cgroupfs) and the v1 controller lines of the same shapes. Host processes map to empty.
 */
public final class CgroupResolver {

    /** The last 64-hex segment of a path, bare or as a systemd {@code docker-<id>.scope} unit. */
    private static final Pattern CONTAINER_SEGMENT =
            Pattern.compile("(?:^|/)(?:docker-)?([0-9a-f]{64})(?:\\.scope)?(?=/|$)");

    private final ProcReader proc;

    public CgroupResolver(ProcReader proc) {
        this.proc = proc;
    }

    /** The full container ID of the process, or empty for host processes and processes that have exited. */
    public Optional<String> containerId(long pid) {
        return proc.cgroup(pid).flatMap(CgroupResolver::parse);
    }

    /**
     * The container ID named by a {@code /proc/<pid>/cgroup} file. The unified (v2) line wins; otherwise the first
     * v1 controller line that names a container. Within a path the innermost container counts (Docker in Docker).
     */
    static Optional<String> parse(String cgroupFile) {
        Optional<String> fromV1 = Optional.empty();
        for (String line : cgroupFile.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            Optional<String> id = innermostContainer(fields[2].trim());
            if (fields[0].equals("0") && fields[1].isEmpty() && id.isPresent()) {
                return id;
            }
            if (fromV1.isEmpty()) {
                fromV1 = id;
            }
        }
        return fromV1;
    }

    private static Optional<String> innermostContainer(String cgroupPath) {
        Matcher matcher = CONTAINER_SEGMENT.matcher(cgroupPath);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return Optional.ofNullable(last);
    }
}
