package dev.bulwark.agent.sensor.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountMarksTest {

    @Test
    void aPathReadFromItsMountsOwnRootGetsTheMountPointBack() {
        assertThat(MountMarks.within("/var/log/app", "/access.log")).isEqualTo("/var/log/app/access.log");
        assertThat(MountMarks.within("/var/log/app", "/")).isEqualTo("/var/log/app");
    }

    @Test
    void aPathAlreadyUnderItsMountPointOrOnTheRootStandsAsRead() {
        assertThat(MountMarks.within("/var/log/app", "/var/log/app/access.log")).isEqualTo("/var/log/app/access.log");
        assertThat(MountMarks.within("/var/log/app", "/var/log/app")).isEqualTo("/var/log/app");
        assertThat(MountMarks.within(null, "/usr/bin/evil")).isEqualTo("/usr/bin/evil");
    }
}
