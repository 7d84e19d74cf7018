package dev.bulwark.agent.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the harness's shell scripts ({@code testing/harness/}) with a time limit, and Docker commands. */
final class HarnessScripts {

    private final Path directory;

    HarnessScripts(Path repositoryRoot) {
        this.directory = repositoryRoot.resolve("testing/harness");
    }

    /** Runs {@code SCRIPT ARGS…}; returns its output; fails with the output when it fails or overruns. */
    String run(Duration limit, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", directory.resolve(script).toString()));
        command.addAll(List.of(args));
        return exec(limit, command);
    }

    static String docker(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return exec(limit, command);
    }

    private static String exec(Duration limit, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[][] output = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    output[0] = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    output[0] = ("(output unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                reader.join(2_000);
                throw new IllegalStateException(String.join(" ", command) + " ran longer than " + limit);
            }
            reader.join(5_000);
            String text = output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
