package dev.bulwark.agent.profile;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.prevent.ContainerFiles;
import dev.bulwark.policy.profile.Prior;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a container's image declares into a {@link Prior}. Executables are resolved inside the container's own
 * filesystem (seen through {@code /proc/<pid>/root}): a bare name through the usual PATH, symlinks followed within
 * the container, and a script's {@code #!} interpreter added.
 */
public final class Priors {

    private static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final Path proc;

    public Priors(Path proc) {
        this.proc = proc;
    }

    public Prior of(ContainerInfo info) {
        Path root = proc.resolve(Long.toString(info.pid())).resolve("root");
        List<String> executables = new ArrayList<>();
        if (!info.spec().command().isEmpty() && info.pid() > 0) {
            resolve(root, info.spec().command().get(0)).ifPresent(executable -> {
                executables.add(executable);
                interpreter(root, executable).flatMap(interpreter -> resolve(root, interpreter)).ifPresent(executables::add);
            });
        }
        List<String> healthchecks = new ArrayList<>();
        List<String> argv = info.spec().healthcheckArgv();
        if (!argv.isEmpty() && info.pid() > 0) {
            resolve(root, argv.get(0)).ifPresent(healthchecks::add);
        }
        List<String> writes = info.spec().volumes().stream().map(volume -> volume.replaceAll("/+$", "") + "/**").toList();
        return new Prior(executables, info.spec().exposedPorts(), writes, healthchecks, info.spec().user());
    }

    /** The executable's path inside the container, with symlinks followed inside it. */
    static Optional<String> resolve(Path root, String program) {
        List<String> candidates = program.contains("/") ? List.of(program) : PATH.stream().map(dir -> dir + "/" + program).toList();
        for (String candidate : candidates) {
            Optional<String> real = follow(root, candidate);
            if (real.isPresent()) {
                return real;
            }
        }
        return Optional.empty();
    }

    /**
     * The path as the kernel names the file it opens ({@code /proc/PID/exe}, fanotify): every component's symlink
     * followed inside the container, directories too ({@code /bin/sh} is {@code /usr/bin/dash} where {@code /bin}
     * links to {@code usr/bin}).
     */
    private static Optional<String> follow(Path root, String path) {
        ContainerFiles files = new ContainerFiles(root);
        return files.resolve(path).filter(real -> files.resolveFile(real).isPresent());
    }

    /** The interpreter a {@code #!} line names, if the file is a script. */
    private static Optional<String> interpreter(Path root, String executable) {
        Path file = root.resolve(executable.substring(1));
        byte[] head = new byte[128];
        try (var in = Files.newInputStream(file)) {
            int read = in.read(head);
            String text = read <= 2 ? "" : new String(head, 0, read, StandardCharsets.UTF_8);
            if (!text.startsWith("#!")) {
                return Optional.empty();
            }
            String[] words = text.substring(2).split("\n", 2)[0].strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(words[0].endsWith("/env") && words.length > 1 ? words[1] : words[0]);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
