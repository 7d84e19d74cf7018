package dev.bulwark.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfIdentityTest {

    private static final String ID = "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00998877665544332211";

    @Test
    void findsTheContainerInACgroupV1Path() {
        assertThat(SelfIdentity.fromCgroup("12:pids:/docker/" + ID + "\n11:memory:/docker/" + ID + "\n")).contains(ID);
    }

    @Test
    void findsTheContainerInASystemdScope() {
        assertThat(SelfIdentity.fromCgroup("0::/system.slice/docker-" + ID + ".scope\n")).contains(ID);
    }

    @Test
    void findsTheContainerInMountinfoWhenTheCgroupIsPrivate() {
        String mountinfo = "612 590 8:1 /var/lib/docker/containers/" + ID + "/hostname /etc/hostname rw - ext4 /dev/sda1 rw\n";
        assertThat(SelfIdentity.fromCgroup("0::/\n")).isEmpty();
        assertThat(SelfIdentity.fromMountinfo(mountinfo)).contains(ID);
    }

    @Test
    void findsNoContainerOnTheHost() {
        assertThat(SelfIdentity.fromCgroup("0::/user.slice/user-1000.slice/session-2.scope\n")).isEmpty();
        assertThat(SelfIdentity.fromMountinfo("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n")).isEmpty();
    }
}
