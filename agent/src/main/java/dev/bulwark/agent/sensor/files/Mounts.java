package dev.bulwark.agent.sensor.files;

import dev.bulwark.policy.text.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mounts of a container its files live on: its root and every volume, bind mount and tmpfs (each a mount of its
 * own, which a fanotify mark on the root does not cover), read from {@code /proc/<pid>/mountinfo}. Kernel interfaces
 * ({@code proc}, {@code sysfs}, cgroups, {@code devpts}, {@code mqueue}) are left out.
 */
public final class Mounts {

    private static final Set<String> NOT_PROGRAMS = Set.of("proc", "sysfs", "cgroup", "cgroup2", "devpts", "mqueue",
            "securityfs", "debugfs", "tracefs", "bpf", "pstore");

    private Mounts() {
    }

    /** Mount points a program can be run from, as the container names them, root first. */
    public static List<String> executable(long pid) throws IOException {
        return parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "mountinfo")));
    }

    /**
     * Mount points whose files the container reads and writes, root first: those a program can be run from but
     * {@code /dev} (device nodes: every write to {@code /dev/null} would be an event), {@code /dev/shm} (shared memory
     * segments come and go by the second, and their paths read back without the mount's) and what the engine mounts
     * over {@code /proc} and {@code /sys} to mask them. A program run from {@code /dev/shm} is still the exec guard's.
     */
    public static List<String> files(long pid) throws IOException {
        return withoutDevices(executable(pid));
    }

    static List<String> withoutDevices(List<String> points) {
        return points.stream().filter(point -> !point.equals("/dev") && !point.equals("/dev/shm") && !point.startsWith("/proc/")
                && !point.startsWith("/sys/") && !point.equals("/proc") && !point.equals("/sys")).toList();
    }

    /** Mount points from mountinfo lines (see proc(5)): field 5 is the mount point, the first after " - " the type. */
    public static List<String> parse(List<String> lines) {
        List<String> points = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (fields.length < 5 || separator < 0 || separator + 1 >= fields.length) {
                continue;
            }
            String point = unescape(fields[4]);
            if (!NOT_PROGRAMS.contains(fields[separator + 1]) && !points.contains(point)) {
                points.add(point);
            }
        }
        points.sort((a, b) -> Integer.compare(a.length(), b.length()));
        return points;
    }

    /** Mount IDs (mountinfo's first field, as {@code fdinfo}'s {@code mnt_id} names them) → mount points. */
    public static Map<Long, String> byId(long pid) throws IOException {
        Map<Long, String> points = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "mountinfo"))) {
            String[] fields = line.split(" ");
            if (fields.length >= 5 && !fields[0].isEmpty() && fields[0].chars().allMatch(Character::isDigit)) {
                points.put(Numbers.parseLong(fields[0], "a mount ID in mountinfo"), unescape(fields[4]));
            }
        }
        return points;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes ({@code \040}). */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) ((field.charAt(i + 1) - '0') * 64 + (field.charAt(i + 2) - '0') * 8 + field.charAt(i + 3) - '0'));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
