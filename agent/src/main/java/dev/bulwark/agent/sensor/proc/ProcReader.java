package dev.bulwark.agent.sensor.proc;

import dev.bulwark.policy.text.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /**
     * Whether the process runs this very file of the host's filesystem, not a file of the same name in a container's:
     * the same file, not merely the same path. The host's filesystem is the agent's own (it runs on the host) or, for
     * an agent in a container with the host's PID namespace, host PID 1's root.
     */
    public boolean runsHostFile(long pid, String hostPath) {
        Path exe = dir(pid).resolve("exe");
        Path viaInit = procRoot.resolve("1").resolve("root").resolve(hostPath.replaceFirst("^/+", ""));
        return sameFile(exe, Path.of(hostPath)) || sameFile(exe, viaInit);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false; // gone, no such file, or not ours to read
        }
    }

    /** The arguments, program name first (empty for kernel threads and exited processes). */
    public List<String> argv(long pid) {
        return readBytes(pid, "cmdline").map(ProcReader::splitNul).orElse(List.of());
    }

    /** The loader variables a process was started with ({@code LD_PRELOAD=…}, {@code LD_LIBRARY_PATH=…}, {@code LD_AUDIT=…}). */
    public List<String> loaderVariables(long pid) {
        return readBytes(pid, "environ").map(ProcReader::splitNul).orElse(List.of()).stream()
                .filter(entry -> LOADER_VARIABLES.stream().anyMatch(name -> entry.startsWith(name + "=") && entry.length() > name.length() + 1))
                .sorted().toList();
    }

    private static final List<String> LOADER_VARIABLES = List.of("LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT");

    /**
     * Whether arguments were read whole: a process caught while the runtime is still exec'ing it (or already gone)
     * shows none, or {@code /}.
     */
    public static boolean readWhole(List<String> argv) {
        return !argv.isEmpty() && !argv.get(0).isBlank() && !argv.get(0).equals("/");
    }

    /** The parent PID and real UID from {@code status}. */
    public Optional<Status> status(long pid) {
        return readText(pid, "status").map(Status::parse);
    }

    /** The command name and start time from {@code stat}; with the PID they tell one program run from another. */
    public Optional<Stat> stat(long pid) {
        return readText(pid, "stat").map(Stat::parse);
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
                    ppid = Numbers.parseLong(line.substring(5).trim(), "PPid in /proc/PID/status");
                } else if (line.startsWith("Uid:")) {
                    uid = Numbers.parseInt(line.substring(4).trim().split("\\s+")[0], "Uid in /proc/PID/status");
                }
            }
            return new Status(ppid, uid);
        }
    }

    /**
     * The fields of {@code /proc/<pid>/stat} a poller needs: the command name (field 2, which exec changes) and the
     * start time in clock ticks after boot (field 22, which tells a reused PID apart).
     */
    public record Stat(String comm, long startTime) {

        static Stat parse(String stat) {
            // The command name may hold spaces and parentheses: it ends at the last closing one.
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] after = stat.substring(close + 2).split(" ");
            return new Stat(stat.substring(open + 1, close), Numbers.parseLong(after[22 - 3], "the start time in /proc/PID/stat"));
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

    /**
     * A read that failed because the process exited under it is empty: its directory gone, ESRCH, or a process already
     * a zombie (its memory, and with it {@code environ} and {@code cmdline}, is gone first). Anything else is not.
     */
    private <T> Optional<T> gone(long pid, Path path, IOException e) {
        if (!Files.exists(dir(pid)) || String.valueOf(e.getMessage()).contains("No such process") || exiting(pid)) {
            return Optional.empty();
        }
        throw new UncheckedIOException("cannot read " + path + " (the agent needs root or CAP_SYS_PTRACE to read "
                + "other processes' /proc entries)", e);
    }

    /** Whether the process is a zombie or dead (state Z or X in {@code stat}), or gone. */
    private boolean exiting(long pid) {
        try {
            String stat = Files.readString(dir(pid).resolve("stat"));
            int close = stat.lastIndexOf(')');
            char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : 'X';
            return state == 'Z' || state == 'X' || state == 'x';
        } catch (IOException gone) {
            return true;
        }
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
