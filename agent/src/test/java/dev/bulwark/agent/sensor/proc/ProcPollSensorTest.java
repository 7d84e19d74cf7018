package dev.bulwark.agent.sensor.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation.ProcessExec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcPollSensorTest {

    @Test
    void reportsAProcessStartedByDockerExec() throws InterruptedException {
        Recorder recorder = new Recorder();
        try (TestContainer container = TestContainer.busybox("sleep", "60");
             ProcPollSensor sensor = new ProcPollSensor(ProcReader.system(), Set.of(), ProcPollSensor.DEFAULT_INTERVAL)) {
            sensor.start(recorder::observe, recorder.gaps::add);

            container.execDetached("sleep", "5");

            Optional<ProcessExec> sleep = recorder.await(exec -> exec.containerId().equals(container.id)
                    && exec.argv().equals(List.of("sleep", "5")), Duration.ofSeconds(10));
            assertThat(sleep).hasValueSatisfying(exec -> {
                assertThat(exec.source()).isEqualTo(ExecSource.PROC_POLL);
                assertThat(exec.executable()).isIn("/bin/sleep", "/bin/busybox");
            });
            assertThat(recorder.execs).noneMatch(exec -> exec.argv().equals(List.of("sleep", "60")));
            assertThat(recorder.gaps).singleElement().satisfies(gap -> assertThat(gap.why()).contains("may be missed"));
        }
    }

    @Test
    void warnsAtStartThatShortProcessesMayBeMissed() {
        Recorder recorder = new Recorder();
        try (ProcPollSensor sensor = new ProcPollSensor(ProcReader.system(), Set.of(), Duration.ofMillis(250))) {
            sensor.start(recorder::observe, recorder.gaps::add);
        }
        assertThat(recorder.gaps).singleElement().satisfies(gap -> {
            assertThat(gap.sensor()).isEqualTo("proc-poll");
            assertThat(gap.why()).contains("250 ms", "may be missed");
        });
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new ProcPollSensor(ProcReader.system(), Set.of(), Duration.ZERO))
                .hasMessage("proc-poll interval must be positive, got PT0S");
    }
}
