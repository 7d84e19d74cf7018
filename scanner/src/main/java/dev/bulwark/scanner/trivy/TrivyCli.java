package dev.bulwark.scanner.trivy;

import dev.bulwark.scanner.source.ImageLocation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scans an image with the {@code trivy} command and reads its JSON report, for teams that keep Trivy as their
 * scanner and Bulwark as their gate.
 *
 * <p>It runs {@code trivy image --format json --quiet --list-all-pkgs --exit-code 0 --output FILE IMAGE}, with the
 * report going to a file in a temp directory only this user can read, which is deleted afterwards whatever happens.
 * {@code --exit-code 0} keeps a {@code trivy.yaml} or {@code TRIVY_EXIT_CODE} that fails on findings from being
 * mistaken for a failed scan: the gate judges the findings. Bulwark's image arguments map to trivy's:
 * {@code docker-archive:PATH} and {@code oci:PATH} to {@code --input PATH}, {@code registry:IMAGE} to
 * {@code --image-src remote IMAGE}, {@code daemon:IMAGE} to {@code --image-src docker IMAGE}.
 *
 * @param binary  the trivy executable
 * @param timeout how long a scan may take before trivy is stopped
 */
public record TrivyCli(Path binary, Duration timeout) {

    /** How long a scan may take unless configured: trivy's own default timeout is 5 minutes, plus the DB download. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final int STDERR_TAIL_LINES = 20;

    public TrivyCli {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the trivy timeout must be positive, not " + timeout);
        }
    }

    /**
     * Trivy as found on {@code PATH}.
     *
     * @throws TrivyCliException when no executable {@code trivy} is on {@code PATH}
     */
    public static TrivyCli onPath(Duration timeout) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return new TrivyCli(findOnPath(path).orElseThrow(() -> new TrivyCliException(
                "trivy is not on PATH (" + path + "): install trivy (https://trivy.dev), set the path of the trivy"
                        + " binary, or drop --scanner trivy", null)), timeout);
    }

    /** The first executable {@code trivy} in a {@code PATH}-style list of directories. */
    static Optional<Path> findOnPath(String path) {
        return Arrays.stream(path.split(File.pathSeparator)).filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "trivy"))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /**
     * Scans an image and reads the report.
     *
     * @param image the image as Bulwark's CLI takes it: {@code alpine:3.20}, {@code docker-archive:app.tar}, …
     * @throws TrivyCliException    when trivy is not installed, exits non-zero, writes no report or times out
     * @throws TrivyReportException when the report trivy wrote cannot be read
     */
    public TrivyResult scan(String image) {
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new TrivyCliException("trivy is not installed at " + binary + ": install trivy (https://trivy.dev),"
                    + " point Bulwark at the trivy binary, or drop --scanner trivy", null);
        }
        try (PrivateDirectory directory = PrivateDirectory.create()) {
            Path report = directory.path().resolve("trivy-report.json");
            run(image, command(image, report), directory.path().resolve("trivy-stderr.txt"));
            if (!Files.isRegularFile(report)) {
                throw new TrivyCliException("trivy exited 0 scanning " + image + " but wrote no report to " + report
                        + ": check that " + binary + " is trivy and supports --output", null);
            }
            return TrivyReport.read(report);
        }
    }

    /** The command line that scans {@code image} and writes the report to {@code report}. */
    List<String> command(String image, Path report) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "image", "--format", "json", "--quiet",
                "--list-all-pkgs", "--exit-code", "0", "--output", report.toString()));
        command.addAll(imageArguments(image));
        return command;
    }

    private static List<String> imageArguments(String image) {
        return ImageLocation.parse(image).match(
                automatic -> List.of(automatic.image().familiar()),
                daemon -> List.of("--image-src", "docker", daemon.image().familiar()),
                registry -> List.of("--image-src", "remote", registry.image().familiar()),
                archive -> List.of("--input", archive.file().toString()),
                oci -> List.of("--input", oci.layout() + oci.reference().map(ref -> ":" + ref).orElse("")));
    }

    private void run(String image, List<String> command, Path stderr) {
        Process process = start(command, stderr);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new TrivyCliException("trivy did not finish scanning " + image + " within " + timeout
                        + ": raise the trivy timeout, or check trivy's network access to its database" + tail(stderr), null);
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new TrivyCliException("interrupted while trivy scanned " + image, e);
        }
        if (process.exitValue() != 0) {
            throw new TrivyCliException("trivy exited with " + process.exitValue() + " scanning " + image
                    + ": fix what trivy reports, or drop --scanner trivy" + tail(stderr), null);
        }
    }

    private Process start(List<String> command, Path stderr) {
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new TrivyCliException("could not start trivy at " + binary + " (" + e.getMessage()
                    + "): install trivy (https://trivy.dev), point Bulwark at the trivy binary, or drop --scanner trivy", e);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The last lines trivy wrote to stderr, to show with an error. */
    private static String tail(Path stderr) {
        try {
            List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size());
            return last.isEmpty() ? " (trivy wrote nothing to stderr)" : "; trivy said:\n" + String.join("\n", last);
        } catch (IOException e) {
            return " (trivy's stderr could not be read: " + e.getMessage() + ")";
        }
    }

    /** A temp directory only this user can read, removed with everything in it when closed. */
    private record PrivateDirectory(Path path) implements AutoCloseable {

        static PrivateDirectory create() {
            try {
                return new PrivateDirectory(Files.createTempDirectory("bulwark-trivy-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
            } catch (IOException e) {
                throw new UncheckedIOException("creating a temp directory for trivy's report (set java.io.tmpdir to a"
                        + " writable place)", e);
            }
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("removing trivy's temp directory " + path, e);
            }
        }
    }
}
