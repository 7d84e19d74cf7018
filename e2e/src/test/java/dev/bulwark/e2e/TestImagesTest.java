package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The locally built test images (testing/images/build.sh) are what later tests rely on: a Debian with a
 * real dpkg database, and a busybox. Both run under Testcontainers without any registry.
 */
class TestImagesTest {

    @Test
    void debianImageHasARealDpkgDatabase() throws Exception {
        try (GenericContainer<?> debian = new GenericContainer<>(DockerImageName.parse("bulwark-test/debian:latest"))
                .withCommand("sleep", "300")) {
            debian.start();

            ExecResult dpkg = debian.execInContainer("dpkg-query", "-W", "-f=${Package} ${Version}\\n", "dpkg", "base-files");
            ExecResult release = debian.execInContainer("sh", "-c", ". /etc/os-release && echo $ID $VERSION_ID");

            assertThat(dpkg.getExitCode()).isZero();
            assertThat(dpkg.getStdout()).containsPattern("(?m)^dpkg 1\\.21\\.\\S+$").containsPattern("(?m)^base-files 12\\S*$");
            assertThat(release.getStdout().strip()).isEqualTo("debian 12");
        }
    }

    @Test
    void busyboxImageRunsAShell() throws Exception {
        try (GenericContainer<?> busybox = new GenericContainer<>(DockerImageName.parse("bulwark-test/busybox:latest"))
                .withCommand("sleep", "300")) {
            busybox.start();

            ExecResult echo = busybox.execInContainer("sh", "-c", "echo $((6 * 7))");

            assertThat(echo.getStdout().strip()).isEqualTo("42");
        }
    }
}
