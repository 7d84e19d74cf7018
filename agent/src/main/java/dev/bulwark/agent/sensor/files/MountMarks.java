package dev.bulwark.agent.sensor.files;

import static dev.bulwark.agent.sensor.files.Fanotify.LIBC;

import dev.bulwark.policy.text.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The marks on a container's mounts other than its root, in one fanotify group, and the container's path of a file an
 * event names. A file's path reads from {@code /proc/self/fd} as the container sees it while its mount is attached;
 * once the container's mounts are torn down (a write as it stops, read a moment later) it reads from its own mount's
 * root ({@code /access.log} for {@code /var/log/app/access.log}), so the event's mount ({@code fdinfo}'s
 * {@code mnt_id}) puts the mount point back. A removed file is named by the path it had.
 */
final class MountMarks {

    private static final String DELETED = " (deleted)";

    private final Map<Long, String> points;
    private final List<String> unwatched;

    private MountMarks(Map<Long, String> points, List<String> unwatched) {
        this.points = Map.copyOf(points);
        this.unwatched = List.copyOf(unwatched);
    }

    /** Marks every mount of the container but its root ({@link Mounts#files}) in the group {@code fd}. */
    static MountMarks mark(int fd, long mainPid, long mask) {
        List<String> files;
        Map<Long, String> byId;
        try {
            files = Mounts.files(mainPid);
            byId = Mounts.byId(mainPid);
        } catch (IOException e) {
            return new MountMarks(Map.of(), List.of("its mounts could not be read (" + e.getMessage() + "): only its root is watched"));
        }
        Map<Long, String> marked = new HashMap<>();
        List<String> unwatched = new ArrayList<>();
        for (String point : files.subList(Math.min(1, files.size()), files.size())) {
            if (LIBC.fanotify_mark(fd, Fanotify.FAN_MARK_ADD | Fanotify.FAN_MARK_MOUNT, mask, Fanotify.AT_FDCWD,
                    "/proc/" + mainPid + "/root" + point) < 0) {
                unwatched.add(point + " (" + Fanotify.lastError() + ")");
            }
        }
        byId.forEach((id, point) -> {
            if (!point.equals("/") && files.contains(point)) {
                marked.put(id, point);
            }
        });
        return new MountMarks(marked, unwatched);
    }

    /** The mounts that could not be marked, and why. */
    List<String> unwatched() {
        return unwatched;
    }

    /** The path, inside the container, of the file an event's descriptor refers to. */
    String pathOf(int eventFd) {
        String path;
        try {
            path = Files.readSymbolicLink(Path.of("/proc/self/fd/" + eventFd)).toString();
        } catch (IOException e) {
            return "fd:" + eventFd + " (unresolved: " + e.getMessage() + ")";
        }
        return within(mountPoint(eventFd), path.endsWith(DELETED) ? path.substring(0, path.length() - DELETED.length()) : path);
    }

    /** The path as the container names it: under its mount's point when it reads from the mount's own root. */
    static String within(String mountPoint, String path) {
        if (mountPoint == null || path.equals(mountPoint) || path.startsWith(mountPoint + "/")) {
            return path;
        }
        return path.equals("/") ? mountPoint : mountPoint + path;
    }

    private String mountPoint(int eventFd) {
        if (points.isEmpty()) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + eventFd))) {
                if (line.startsWith("mnt_id:")) {
                    return points.get(Numbers.parseLong(line.substring(7).strip(), "fdinfo's mnt_id"));
                }
            }
        } catch (IOException e) {
            return null; // no fdinfo: the path stands as read
        }
        return null;
    }
}
