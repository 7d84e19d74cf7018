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

    @Test
    void aReadThatFailsOnAnExitingProcessIsNothingAndOnALiveOneIsAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        // environ as a directory: reading it fails the way a read of an exiting process's memory does.
        for (String pid : List.of("41", "42")) {
            java.nio.file.Files.createDirectories(root.resolve(pid).resolve("environ"));
        }
        java.nio.file.Files.writeString(root.resolve("41/stat"), "41 (python3) Z 40 0 0 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 99 0 0\n");
        java.nio.file.Files.writeString(root.resolve("42/stat"), "42 (python3) S 40 0 0 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 99 0 0\n");
        ProcReader fake = new ProcReader(root);

        assertThat(fake.loaderVariables(41)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fake.loaderVariables(42))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("/42/environ");
    }
}
