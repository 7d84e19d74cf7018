package dev.bulwark.scanner.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands in throw-away containers of the locally built test images, through the docker CLI. */
public final class Containers {

    private Containers() {
    }

    /** The standard output of a command run in a new container of the image (removed afterwards). */
    public static String run(String image, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of("docker", "run", "--rm", "--network", "none", image));
        args.addAll(List.of(command));
        return exec(args);
    }

    /** The standard output of a host command; fails the test with its error output when it fails. */
    public static String exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
