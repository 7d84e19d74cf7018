package dev.bulwark.agent.sensor.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcReaderTest {

    private final ProcReader proc = ProcReader.system();

    @Test
    void readsTheStartTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";

        assertThat(ProcReader.Stat.parse(stat)).isEqualTo(new ProcReader.Stat("my (odd) cmd", 987654));
    }

    @Test
    void readsParentAndRealUidFromStatus() {
        String status = "Name:\tsleep\nPPid:\t29932\nUid:\t1000\t1000\t1000\t1000\n";

        assertThat(ProcReader.Status.parse(status)).isEqualTo(new ProcReader.Status(29932, 1000));
    }

    @Test
    void readsItsOwnProcess() {
        long self = ProcessHandle.current().pid();

        assertThat(proc.executable(self)).hasValueSatisfying(exe -> assertThat(exe).endsWith("java"));
        assertThat(proc.argv(self)).isNotEmpty();
        assertThat(proc.status(self)).hasValueSatisfying(status -> assertThat(status.uid()).isZero());
        assertThat(proc.pids()).contains(self);
    }

    @Test
    void returnsNothingForAProcessThatHasExited() {
        long gone = Integer.MAX_VALUE;

        assertThat(proc.executable(gone)).isEmpty();
        assertThat(proc.argv(gone)).isEqualTo(List.of());
        assertThat(proc.status(gone)).isEmpty();
        assertThat(proc.stat(gone)).isEmpty();
    }
}
