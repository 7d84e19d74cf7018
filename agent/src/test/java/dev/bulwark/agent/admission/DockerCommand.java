package dev.bulwark.agent.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI against a given engine, with its output and exit code (a refusal is an answer, not an error). */
final class DockerCommand {

    private DockerCommand() {
    }

    static SecondEngine.Result run(String host, int seconds, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + seconds + " s");
            }
            return new SecondEngine.Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": is the docker CLI installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
