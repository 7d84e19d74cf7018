package dev.bulwark.policy.version;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code dpkg --compare-versions}, asked through one long-running {@code sh} fed on stdin, so a
 * question costs one dpkg process and no JVM fork.
 */
final class DpkgOracle implements AutoCloseable {

    /** The system property naming the dpkg binary; {@code dpkg} on the PATH by default. */
    static final String BINARY_PROPERTY = "bulwark.dpkg";

    private final String binary;
    private final Process shell;
    private final BufferedWriter commands;
    private final BufferedReader answers;
    private long calls;

    private DpkgOracle(String binary, Process shell) {
        this.binary = binary;
        this.shell = shell;
        this.commands = new BufferedWriter(new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The dpkg binary to use. */
    static String binary() {
        return System.getProperty(BINARY_PROPERTY, "dpkg");
    }

    /** Whether the dpkg binary runs at all. */
    static boolean isAvailable() {
        try {
            Process probe = new ProcessBuilder(binary(), "--version").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static DpkgOracle start() {
        try {
            Process shell = new ProcessBuilder("sh").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new DpkgOracle(binary(), shell);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sh to run dpkg", e);
        }
    }

    /**
     * Whether {@code dpkg --compare-versions a relation b} holds.
     *
     * @param relation {@code lt}, {@code le}, {@code eq}, {@code ne}, {@code ge} or {@code gt}
     * @throws IllegalStateException if dpkg rejects a version (exit status other than 0 or 1)
     */
    boolean holds(String a, String relation, String b) {
        if (a.contains("'") || b.contains("'")) {
            throw new IllegalArgumentException("versions for the shell must not contain quotes: " + a + ", " + b);
        }
        try {
            commands.write(binary + " --compare-versions '" + a + "' " + relation + " '" + b + "' 2>/dev/null;"
                    + " echo $?\n");
            commands.flush();
            calls++;
            String status = answers.readLine();
            if ("0".equals(status) || "1".equals(status)) {
                return "0".equals(status);
            }
            throw new IllegalStateException("dpkg --compare-versions '" + a + "' " + relation + " '" + b
                    + "' exited with " + status + ": dpkg refuses one of the versions");
        } catch (IOException e) {
            throw new UncheckedIOException("lost the sh running dpkg", e);
        }
    }

    /** How many times dpkg was run. */
    long calls() {
        return calls;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        commands.write("exit\n");
        commands.close();
        if (!shell.waitFor(30, TimeUnit.SECONDS)) {
            shell.destroy();
        }
    }
}
