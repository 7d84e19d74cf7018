package dev.bulwark.agent.sensor.proc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupResolverTest {

    private static final String ID = "e8f4bb249840b5e1e7653815e56c752cffe7724351fdd8a98b257117e8c29769";
    private static final String OTHER = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final CgroupResolver resolver = new CgroupResolver(ProcReader.system());

    @Test
    void mapsTheMainProcessOfARunningContainerToItsFullId() {
        try (TestContainer container = TestContainer.busybox("sleep", "60")) {
            assertThat(resolver.containerId(container.mainPid())).contains(container.id);
        }
    }

    @Test
    void mapsHostProcessesToNoContainer() {
        assertThat(resolver.containerId(1)).isEmpty();
        assertThat(resolver.containerId(ProcessHandle.current().pid())).isEmpty();
    }

    @Test
    void mapsProcessesThatHaveExitedToNoContainer() {
        assertThat(resolver.containerId(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void readsTheSystemdScopeOfCgroupV2() {
        assertThat(CgroupResolver.parse("0::/system.slice/docker-" + ID + ".scope\n")).contains(ID);
    }

    @Test
    void readsTheCgroupfsPathsOfCgroupV1() {
        assertThat(CgroupResolver.parse("12:pids:/docker/" + ID + "\n1:name=systemd:/docker/" + ID + "\n0::/\n"))
                .contains(ID);
    }

    @Test
    void prefersTheInnermostContainerWhenDockerRunsInDocker() {
        assertThat(CgroupResolver.parse("0::/docker/" + OTHER + "/docker/" + ID + "\n")).contains(ID);
    }

    @Test
    void ignoresPathsThatOnlyLookLikeContainers() {
        assertThat(CgroupResolver.parse("0::/user.slice/user-1000.slice/session-2.scope\n")).isEmpty();
        assertThat(CgroupResolver.parse("0::/docker/" + ID + "ff\n")).isEmpty();
    }
}
