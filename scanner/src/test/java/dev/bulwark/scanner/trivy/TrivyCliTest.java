package dev.bulwark.scanner.trivy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trivy cannot be installed where these tests run, so the runs use a shell script that stands in for the trivy
 * binary. It checks only what Bulwark does around trivy: the arguments it passes, the report file it reads and
 * deletes, and how it reports a failed or stuck trivy. It knows nothing of images.
 */
class TrivyCliTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    /** A stand-in for trivy that records its arguments and runs {@code body}. */
    private Path standIn(String body) throws IOException {
        Path script = directory.resolve("trivy-stand-in.sh");
        Files.writeString(script, """
                #!/bin/sh
                # Stand-in for the trivy CLI in TrivyCliTest: not trivy, scans nothing.
                printf '%%s\\n' "$@" > "%s"
                %s
                """.formatted(directory.resolve("arguments.txt"), body));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** The body of a stand-in that copies a report to wherever {@code --output} says, and exits 0. */
    private static String writesReport(Path report) {
        return """
                while [ $# -gt 0 ]; do
                  if [ "$1" = "--output" ]; then out="$2"; fi
                  shift
                done
                cp '%s' "$out"
                """.formatted(report);
    }

    private List<String> arguments() throws IOException {
        return Files.readAllLines(directory.resolve("arguments.txt"));
    }

    @Test
    void saysToInstallTrivyOrDropTheScannerWhenTheBinaryIsMissing() {
        TrivyCli cli = new TrivyCli(directory.resolve("no-such-trivy"), TIMEOUT);

        assertThatThrownBy(() -> cli.scan("alpine:3.20"))
                .isInstanceOf(TrivyCliException.class)
                .hasMessageContaining("trivy is not installed at " + directory.resolve("no-such-trivy"))
                .hasMessageContaining("install trivy")
                .hasMessageContaining("drop --scanner trivy");
    }

    @Test
    void findsTrivyOnlyAsAnExecutableOnThePath() throws IOException {
        Path bin = Files.createDirectory(directory.resolve("bin"));
        Path trivy = Files.createFile(bin.resolve("trivy"));

        assertThat(TrivyCli.findOnPath("/nonexistent:" + bin)).as("not executable yet").isEmpty();
        Files.setPosixFilePermissions(trivy, PosixFilePermissions.fromString("rwx------"));
        assertThat(TrivyCli.findOnPath("/nonexistent:" + bin)).contains(trivy);
        assertThat(TrivyCli.findOnPath("")).isEmpty();
    }

    @Test
    void passesTheJsonReportArgumentsAndReadsTheReportTrivyWrote() throws IOException {
        Path corpus = Corpora.corpus("trivy-reports/alpine-310.json.golden");
        TrivyCli cli = new TrivyCli(standIn(writesReport(corpus)), TIMEOUT);

        TrivyResult result = cli.scan("ghcr.io/aquasecurity/trivy-test-images:alpine-310");

        assertThat(result.matches()).hasSize(4);
        List<String> arguments = arguments();
        assertThat(arguments).containsSubsequence("image", "--format", "json", "--quiet", "--list-all-pkgs",
                "--exit-code", "0", "--output");
        assertThat(arguments.get(arguments.size() - 1)).isEqualTo("ghcr.io/aquasecurity/trivy-test-images:alpine-310");
        Path output = Path.of(arguments.get(arguments.indexOf("--output") + 1));
        assertThat(output).as("the report is deleted, with its private directory").doesNotExist();
        assertThat(output.getParent()).doesNotExist();
    }

    @Test
    void scansADockerArchiveWithTheInputFlagInsteadOfAnImageName() throws IOException {
        Path corpus = Corpora.corpus("trivy-reports/debian-buster.json.golden");
        TrivyCli cli = new TrivyCli(standIn(writesReport(corpus)), TIMEOUT);

        TrivyResult result = cli.scan("docker-archive:/images/debian-buster.tar");

        assertThat(result.os()).hasValueSatisfying(os -> assertThat(os.id()).isEqualTo("debian"));
        assertThat(arguments()).endsWith("--input", "/images/debian-buster.tar");
    }

    @Test
    void mapsRegistryAndDaemonSourcesToTrivysImageSource() {
        TrivyCli cli = new TrivyCli(Path.of("/usr/bin/trivy"), TIMEOUT);
        Path report = Path.of("/tmp/report.json");

        assertThat(cli.command("registry:alpine:3.20", report)).endsWith("--image-src", "remote", "alpine:3.20");
        assertThat(cli.command("daemon:app:dev", report)).endsWith("--image-src", "docker", "app:dev");
        assertThat(cli.command("oci:/layouts/app", report)).endsWith("--input", "/layouts/app");
        assertThat(cli.command("alpine:3.20", report)).startsWith("/usr/bin/trivy", "image").endsWith("alpine:3.20");
    }

    @Test
    void reportsTheExitCodeAndTheTailOfStderrWhenTrivyFails() throws IOException {
        TrivyCli cli = new TrivyCli(standIn("""
                echo "2024-06-01T10:00:00Z INFO Loading vulnerability DB" >&2
                echo "2024-06-01T10:00:01Z FATAL image scan error: unable to find the specified image" >&2
                exit 3
                """), TIMEOUT);

        assertThatThrownBy(() -> cli.scan("no-such-image:latest"))
                .isInstanceOf(TrivyCliException.class)
                .hasMessageContaining("trivy exited with 3 scanning no-such-image:latest")
                .hasMessageContaining("FATAL image scan error: unable to find the specified image");
        Path output = Path.of(arguments().get(arguments().indexOf("--output") + 1));
        assertThat(output.getParent()).as("the temp directory is deleted on failure too").doesNotExist();
    }

    @Test
    void saysSoWhenTrivyExitsCleanlyWithoutWritingAReport() throws IOException {
        TrivyCli cli = new TrivyCli(standIn("exit 0"), TIMEOUT);

        assertThatThrownBy(() -> cli.scan("alpine:3.20"))
                .isInstanceOf(TrivyCliException.class)
                .hasMessageContaining("wrote no report");
    }

    @Test
    void stopsTrivyWhenItRunsPastTheTimeout() throws IOException {
        TrivyCli cli = new TrivyCli(standIn("exec sleep 60"), Duration.ofMillis(500));

        assertThatThrownBy(() -> cli.scan("alpine:3.20"))
                .isInstanceOf(TrivyCliException.class)
                .hasMessageContaining("did not finish scanning alpine:3.20 within PT0.5S")
                .hasMessageContaining("raise the trivy timeout");
    }
}
