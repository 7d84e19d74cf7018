package dev.bulwark.agent.sensor.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Reads what a sensor needs from {@code /proc/<pid>}. Processes vanish between the event and the read: every read
 * of a process that has gone returns empty instead of failing.
 */
public final class ProcReader {

    private final Path procRoot;

    public ProcReader(Path procRoot) {
        this.procRoot = procRoot;
    }

    public static ProcReader system() {
        return new ProcReader(Path.of("/proc"));
    }

    /** The executable, as the link text reads: the path inside the process's own mount namespace. */
    public Optional<String> executable(long pid) {
        Path link = dir(pid).resolve("exe");
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return gone(pid, link, e);
        }
    }

    /** The arguments, program name first (empty for kernel threads and exited processes). */
    public List<String> argv(long pid) {
        return readBytes(pid, "cmdline").map(ProcReader::splitNul).orElse(List.of());
    }

    /** The parent PID and real UID from {@code status}. */
    public Optional<Status> status(long pid) {
        return readText(pid, "status").map(Status::parse);
    }

    /** The start time in clock ticks after boot (field 22 of {@code stat}): with the PID, it names one process. */
    public OptionalLong startTime(long pid) {
        Optional<String> stat = readText(pid, "stat");
        if (stat.isEmpty()) {
            return OptionalLong.empty();
        }
        // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
        String afterComm = stat.get().substring(stat.get().lastIndexOf(')') + 2);
        return OptionalLong.of(Long.parseLong(afterComm.split(" ")[22 - 3]));
    }

    public Optional<String> cgroup(long pid) {
        return readText(pid, "cgroup");
    }

    /** The PIDs of all processes (thread group leaders) now running. */
    public List<Long> pids() {
        try (Stream<Path> entries = Files.list(procRoot)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + procRoot + ": is procfs mounted there?", e);
        }
    }

    /** The fields of {@code /proc/<pid>/status} a sensor reports. */
    public record Status(long parentPid, int uid) {

        static Status parse(String status) {
            long ppid = 0;
            int uid = -1;
            for (String line : status.split("\n")) {
                if (line.startsWith("PPid:")) {
                    ppid = Long.parseLong(line.substring(5).trim());
                } else if (line.startsWith("Uid:")) {
                    uid = Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                }
            }
            return new Status(ppid, uid);
        }
    }

    private Optional<String> readText(long pid, String file) {
        return readBytes(pid, file).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> readBytes(long pid, String file) {
        Path path = dir(pid).resolve(file);
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return gone(pid, path, e);
        }
    }

    /** A read that failed because the process exited under it (ESRCH and friends) is empty; anything else is not. */
    private <T> Optional<T> gone(long pid, Path path, IOException e) {
        if (!Files.exists(dir(pid))) {
            return Optional.empty();
        }
        throw new UncheckedIOException("cannot read " + path + " (the agent needs root or CAP_SYS_PTRACE to read "
                + "other processes' /proc entries)", e);
    }

    private Path dir(long pid) {
        return procRoot.resolve(Long.toString(pid));
    }

    private static List<String> splitNul(byte[] bytes) {
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                args.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            args.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        return List.copyOf(args);
    }
}
