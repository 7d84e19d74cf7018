package dev.bulwark.agent.profile;

import static dev.bulwark.agent.profile.ProfileTestContainers.ID;
import static dev.bulwark.agent.profile.ProfileTestContainers.container;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.sensor.proc.ForkRecords;
import dev.bulwark.agent.sensor.proc.ProcReader;
import dev.bulwark.policy.profile.Origin;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose doing a process is, read from a /proc laid out in a temporary directory. */
class LineageTest {

    private static final List<String> HEALTHCHECK = List.of("CMD", "/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/health");
    private static final long INIT = 100;
    private static final long SHIM = 50;

    @TempDir
    Path proc;

    private ContainerInfo web;
    private Lineage lineage;
    private ForkRecords forks;

    @BeforeEach
    void layOutProcesses() throws IOException {
        process(SHIM, 1, "/usr/bin/containerd-shim-runc-v2", "0::/system.slice/containerd.service");
        process(INIT, SHIM, "/usr/bin/python3.11", "0::/docker/" + ID);
        web = container(Map.of(), List.of("python3", "/srv/app.py"), Map.of(), HEALTHCHECK, INIT);
        forks = new ForkRecords();
        lineage = new Lineage(new ProcReader(proc), forks);
    }

    @Test
    void whatTheMainProcessStartsIsTheContainersOwn() throws IOException {
        process(101, INIT, "/usr/bin/date", "0::/docker/" + ID);

        Lineage.Attribution attribution = lineage.attribute(exec(101, INIT, "/usr/bin/date", "date"), web);

        assertThat(attribution.origin()).isEqualTo(Origin.CONTAINER);
        assertThat(attribution.parentExecutable()).isEqualTo("/usr/bin/python3.11");
    }

    @Test
    void aProcessTheEngineStartsWithTheHealthChecksArgumentsIsTheHealthCheck() throws IOException {
        process(200, SHIM, "/usr/bin/curl", "0::/docker/" + ID);

        assertThat(lineage.attribute(exec(200, SHIM, "/usr/bin/curl", "/usr/bin/curl", "-fsS",
                "http://127.0.0.1:8000/health"), web).origin()).isEqualTo(Origin.HEALTHCHECK);
    }

    @Test
    void anyOtherProcessTheEngineStartsIsAnOperatorsExecAndItsChildrenAreToo() throws IOException {
        process(300, SHIM, "/usr/bin/bash", "0::/docker/" + ID);
        process(301, 300, "/usr/bin/cat", "0::/docker/" + ID);

        assertThat(lineage.attribute(exec(300, SHIM, "/usr/bin/bash", "bash"), web).origin()).isEqualTo(Origin.OPERATOR);
        assertThat(lineage.attribute(exec(301, 300, "/usr/bin/cat", "cat", "/etc/shadow"), web).origin())
                .isEqualTo(Origin.OPERATOR);
        assertThat(lineage.originOf(301)).isEqualTo(Origin.OPERATOR);
    }

    @Test
    void aProcessWhoseStarterIsGoneIsJudgedFromItsNewParent() throws IOException {
        // runc started it and exited: the process now hangs under the shim.
        process(400, SHIM, "/usr/bin/bash", "0::/docker/" + ID);

        assertThat(lineage.attribute(exec(400, 399, "/usr/bin/bash", "bash"), web).origin()).isEqualTo(Origin.OPERATOR);
    }

    @Test
    void aProcessWhoseAncestryCannotBeReadIsAskedAboutAgainThenCountsAsTheContainersOwn() {
        Lineage.Attribution first = lineage.attribute(exec(500, 499, "/usr/bin/nc", "nc"), web, false);

        assertThat(first.certain()).isFalse();
        assertThat(lineage.attribute(exec(500, 499, "/usr/bin/nc", "nc"), web, true))
                .isEqualTo(new Lineage.Attribution(Origin.CONTAINER, ""));
    }

    @Test
    void aGoneProcessTheEngineAnnouncedIsTheEnginesAndTheHealthChecksOwnCommandIsTheHealthCheck() {
        lineage.attribute(dockerExec("bash", "-l"), web);

        assertThat(lineage.attribute(exec(700, 699, "/usr/bin/bash", "bash", "-l"), web, false).origin()).isEqualTo(Origin.OPERATOR);
        assertThat(lineage.attribute(exec(701, 699, "/usr/bin/curl", "/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/health"),
                web, false).origin()).isEqualTo(Origin.HEALTHCHECK);
    }

    @Test
    void aGoneProcessIsNeverTheHealthChecksByItsProgramsNameAlone() {
        lineage.attribute(dockerExec("/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/health"), web);

        // Caught mid-exec (its arguments read as "/"), with no record of who started it.
        assertThat(lineage.attribute(exec(702, 699, "/usr/bin/curl", "/"), web, false).certain()).isFalse();
        assertThat(lineage.attribute(exec(702, 699, "/usr/bin/curl", "/"), web, true).origin()).isEqualTo(Origin.CONTAINER);
        assertThat(lineage.attributeFile(opened(703, "/usr/bin/curl"), web, true).origin()).isEqualTo(Origin.CONTAINER);
    }

    @Test
    void aShortLivedProcessWhoseStartersAreGoneIsTheHealthChecksByTheKernelsForkRecords() {
        // A CMD-SHELL health check: runc (gone) started /bin/sh, which is dash and has become pg_isready by now.
        web = container(Map.of(), List.of("python3", "/srv/app.py"), Map.of(), List.of("CMD-SHELL", "pg_isready -U postgres"), INIT);
        forks.forked(898, SHIM);
        forks.forked(899, 898);
        forks.forked(900, 899);
        lineage.attribute(dockerExec("/bin/sh", "-c", "pg_isready -U postgres"), web);

        assertThat(lineage.attributeFile(opened(900, "/usr/bin/dash"), web, false).origin()).isEqualTo(Origin.HEALTHCHECK);
        assertThat(lineage.attribute(exec(900, 899, "/usr/lib/postgresql/15/bin/pg_isready", "pg_isready", "-U", "postgres"),
                web, false).origin()).isEqualTo(Origin.HEALTHCHECK);
    }

    @Test
    void anEngineStartedProcessIsAnOperatorsWhenTheEngineAnnouncedMoreThanTheHealthCheck() {
        forks.forked(910, SHIM);
        lineage.attribute(dockerExec("/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/health"), web);
        lineage.attribute(dockerExec("bash"), web);

        assertThat(lineage.attributeFile(opened(910, "/usr/bin/curl"), web, false).origin()).isEqualTo(Origin.OPERATOR);
    }

    @Test
    void theContainersOwnProcessRunningTheHealthChecksProgramAsTheHealthCheckRunsIsTheContainersOwn() throws IOException {
        lineage.attribute(dockerExec("/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/health"), web);
        forks.forked(920, INIT);
        forks.forked(921, 920);

        assertThat(lineage.attributeFile(opened(920, "/usr/bin/curl"), web, false).origin()).isEqualTo(Origin.CONTAINER);
        assertThat(lineage.attribute(exec(921, 920, "/usr/bin/curl", "curl", "http://evil.example/"), web, false).origin())
                .isEqualTo(Origin.CONTAINER);
    }

    @Test
    void aReusedPidIsNotTakenForTheProcessThatHadItBefore() throws IOException {
        process(600, INIT, "/usr/bin/find", "0::/docker/" + ID);
        lineage.attribute(exec(600, INIT, "/usr/bin/find", "find"), web);
        process(600, SHIM, "/usr/bin/bash", "0::/docker/" + ID, 99_999); // find exited; the engine's exec got its PID
        process(601, 600, "/usr/bin/cat", "0::/docker/" + ID);

        assertThat(lineage.attribute(exec(601, 600, "/usr/bin/cat", "cat"), web))
                .isEqualTo(new Lineage.Attribution(Origin.OPERATOR, "/usr/bin/bash"));
    }

    @Test
    void aProgramOpenedToRunIsAttributedAsItsProcessWasOrByItsAncestry() throws IOException {
        process(800, INIT, "/usr/bin/date", "0::/docker/" + ID);
        lineage.attribute(exec(800, INIT, "/usr/bin/date", "date"), web);
        lineage.attribute(dockerExec("/usr/bin/curl", "-fsS", "http://127.0.0.1:8000/health"), web);
        process(801, SHIM, "/usr/bin/curl", "0::/docker/" + ID);

        assertThat(lineage.attributeFile(opened(800, "/usr/bin/date"), web, false).origin()).isEqualTo(Origin.CONTAINER);
        assertThat(lineage.attributeFile(opened(801, "/usr/bin/curl"), web, false).origin()).isEqualTo(Origin.HEALTHCHECK);
        assertThat(lineage.attributeFile(opened(802, "/usr/bin/nc"), web, false).certain()).isFalse();
        assertThat(lineage.attributeFile(opened(802, "/usr/bin/nc"), web, true).origin()).isEqualTo(Origin.CONTAINER);
    }

    private static Observation.ProcessExec dockerExec(String... argv) {
        return new Observation.ProcessExec(ID, Instant.now(), 0, 0, -1, argv[0], List.of(argv), ExecSource.DOCKER_EXEC);
    }

    private static Observation.FileAccess opened(long pid, String path) {
        return new Observation.FileAccess(ID, Instant.now(), path, FileAccessKind.EXEC, pid);
    }

    private void process(long pid, long parent, String executable, String cgroup) throws IOException {
        process(pid, parent, executable, cgroup, 1_000 + pid);
    }

    private void process(long pid, long parent, String executable, String cgroup, long startTime) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (x) S " + parent + " 0 0 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 " + startTime
                + " 0 0\n");
        Files.writeString(dir.resolve("status"), "Name:\tx\nPPid:\t" + parent + "\nUid:\t0\t0\t0\t0\n");
        Files.writeString(dir.resolve("cgroup"), cgroup + "\n");
        Files.deleteIfExists(dir.resolve("exe"));
        Files.createSymbolicLink(dir.resolve("exe"), Path.of(executable));
    }

    private static Observation.ProcessExec exec(long pid, long parent, String executable, String... argv) {
        return new Observation.ProcessExec(ID, Instant.now(), pid, parent, 0, executable, List.of(argv), ExecSource.PROC_CONNECTOR);
    }
}
