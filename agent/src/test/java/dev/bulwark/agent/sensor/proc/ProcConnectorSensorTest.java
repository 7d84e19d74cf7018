package dev.bulwark.agent.sensor.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation.ProcessExec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcConnectorSensorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void reportsAShellStartedByDockerExec() throws InterruptedException {
        Recorder recorder = new Recorder();
        try (TestContainer container = TestContainer.busybox("sleep", "60");
             ProcConnectorSensor sensor = new ProcConnectorSensor(ProcReader.system(), Set.of(), new ForkRecords())) {
            sensor.start(recorder::observe, recorder.gaps::add);

            // "; true" keeps the shell from replacing itself with sleep before the sensor reads its argv.
            container.exec("sh", "-c", "sleep 1; true");

            Optional<ProcessExec> shell = recorder.await(exec -> exec.containerId().equals(container.id)
                    && exec.argv().equals(List.of("sh", "-c", "sleep 1; true")), TIMEOUT);
            assertThat(shell).hasValueSatisfying(exec -> {
                assertThat(exec.executable()).isIn("/bin/sh", "/bin/busybox");
                assertThat(exec.source()).isEqualTo(ExecSource.PROC_CONNECTOR);
                assertThat(exec.uid()).isZero();
                assertThat(exec.parentPid()).isPositive();
            });
            System.out.println("proc-connector delivered docker exec after " + recorder.delay(shell.get()));
        }
        assertThat(recorder.gaps).isEmpty();
    }

    @Test
    void reportsProcessesAContainerForksAndExecsItself() throws InterruptedException {
        Recorder recorder = new Recorder();
        try (ProcConnectorSensor sensor = new ProcConnectorSensor(ProcReader.system(), Set.of(), new ForkRecords());
             TestContainer container = TestContainer.busybox("sh", "-c",
                     "while true; do sleep 2; sh -c \"echo hi\" ; done")) {
            sensor.start(recorder::observe, recorder.gaps::add);
            long mainPid = container.mainPid();

            Optional<ProcessExec> child = recorder.await(exec -> exec.containerId().equals(container.id)
                    && exec.parentPid() == mainPid && !exec.argv().isEmpty()
                    && Set.of("sleep", "sh").contains(exec.argv().get(0)), TIMEOUT);

            assertThat(child).hasValueSatisfying(exec -> assertThat(exec.source()).isEqualTo(ExecSource.PROC_CONNECTOR));
            System.out.println("proc-connector delivered an in-container fork+exec after "
                    + recorder.delay(child.get()));
        }
    }

    @Test
    void ignoresExcludedContainers() throws InterruptedException {
        Recorder recorder = new Recorder();
        try (TestContainer excluded = TestContainer.busybox("sleep", "60");
             TestContainer watched = TestContainer.busybox("sleep", "60");
             ProcConnectorSensor sensor = new ProcConnectorSensor(ProcReader.system(), Set.of(excluded.id), new ForkRecords())) {
            sensor.start(recorder::observe, recorder.gaps::add);
            excluded.exec("sh", "-c", "sleep 1; true");
            watched.exec("sh", "-c", "sleep 1; true");

            assertThat(recorder.await(exec -> exec.containerId().equals(watched.id), TIMEOUT)).isPresent();
            assertThat(recorder.execs).noneMatch(exec -> exec.containerId().equals(excluded.id));
        }
    }

    @Test
    void remembersWhoForkedAProcessAfterBothHaveExited() throws Exception {
        ForkRecords forks = new ForkRecords();
        try (ProcConnectorSensor sensor = new ProcConnectorSensor(ProcReader.system(), Set.of(), forks)) {
            sensor.start(exec -> { }, gap -> { });
            Process shell = new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; wait").start();
            long child = Long.parseLong(new String(shell.getInputStream().readAllBytes()).strip());
            assertThat(shell.waitFor()).isZero();
            assertThat(java.nio.file.Path.of("/proc", Long.toString(child))).doesNotExist();

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (forks.parentOf(child).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(forks.parentOf(child)).as("the fork of the shell's child, after both exited").contains(shell.pid());
        }
    }
}
