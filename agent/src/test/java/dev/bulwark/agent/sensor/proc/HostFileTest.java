package dev.bulwark.agent.sensor.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.ExecSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling the host's programs from a container's, and the container runtime's own set-up process from the container's. */
class HostFileTest {

    private static final String CONTAINER = "d".repeat(64);

    @TempDir
    Path procRoot;
    @TempDir
    Path files;

    @Test
    void aHostProcessRunsTheHostsFile() {
        long self = ProcessHandle.current().pid();
        ProcReader proc = ProcReader.system();

        assertThat(proc.runsHostFile(self, proc.executable(self).orElseThrow())).isTrue();
    }

    @Test
    void aContainersProgramIsNotTheHostsFileOfTheSamePath() {
        try (TestContainer container = TestContainer.busybox("sleep", "300")) {
            ProcReader proc = ProcReader.system();
            long pid = container.mainPid();
            String executable = proc.executable(pid).orElseThrow();

            assertThat(Files.exists(Path.of(executable))).as("the host has " + executable + " too").isTrue();
            assertThat(proc.runsHostFile(pid, executable)).isFalse();
        }
    }

    @Test
    void theRuntimesInitRunningTheHostsBinaryIsNotReportedAsTheContainersProgram() throws Exception {
        Path hostRunc = hostFile("usr/sbin/runc");
        fakeProcess(42, hostRunc, "runc\0init\0");

        assertThat(new ContainerProcesses(new ProcReader(procRoot), Set.of()).describe(42, Instant.now(), ExecSource.PROC_POLL, gap -> { })).isEmpty();
    }

    @Test
    void theRuntimesInitCaughtBeforeItsArgumentsCouldBeReadIsNotReportedEither() throws Exception {
        Path hostRunc = hostFile("usr/sbin/runc");
        fakeProcess(45, hostRunc, "");

        assertThat(new ContainerProcesses(new ProcReader(procRoot), Set.of()).describe(45, Instant.now(), ExecSource.PROC_POLL, gap -> { })).isEmpty();
    }

    @Test
    void theHostsRuncRunForAnythingButInitIsReported() throws Exception {
        Path hostRunc = hostFile("usr/sbin/runc");
        fakeProcess(44, hostRunc, "runc\0--version\0");

        assertThat(new ContainerProcesses(new ProcReader(procRoot), Set.of()).describe(44, Instant.now(), ExecSource.PROC_POLL, gap -> { })).isPresent();
    }

    @Test
    void anExecGoneBeforeItCouldBeReadIsReportedAsAGapOnItsContainer() throws Exception {
        Path dir = Files.createDirectories(procRoot.resolve("46"));
        Files.writeString(dir.resolve("cgroup"), "0::/docker/" + CONTAINER + "\n");
        java.util.List<dev.bulwark.agent.sensor.SensorGap> gaps = new java.util.ArrayList<>();

        assertThat(new ContainerProcesses(new ProcReader(procRoot), Set.of()).describe(46, Instant.now(), ExecSource.PROC_CONNECTOR, gaps::add)).isEmpty();

        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap.container()).isEqualTo(CONTAINER);
            assertThat(gap.why()).contains("process 46").contains("could not be attributed");
            assertThat(gap.softens()).isFalse();
        });
    }

    private Path hostFile(String path) throws Exception {
        Path file = files.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "#!/bin/sh\n");
    }

    private void fakeProcess(long pid, Path executable, String cmdline) throws Exception {
        Path dir = Files.createDirectories(procRoot.resolve(Long.toString(pid)));
        Files.createSymbolicLink(dir.resolve("exe"), executable);
        Files.write(dir.resolve("cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("cgroup"), "0::/docker/" + CONTAINER + "\n");
        Files.writeString(dir.resolve("status"), "Name:\trunc\nPPid:\t7\nUid:\t0\t0\t0\t0\n");
    }
}
