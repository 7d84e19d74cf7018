package dev.bulwark.policy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerConfigRulesTest {

    private static final RuntimeSpec SPEC = new RuntimeSpec(RuntimeMode.PROTECT, RuntimeRules.none(),
            new AdmissionRules(false, List.of("SYS_ADMIN", "NET_ADMIN"), false, List.of("/var/run/docker.sock", "/etc/**", "/etc"), "pass"),
            List.of(Response.ALERT, Response.STOP));

    private static Decision decide(boolean privileged, List<String> capabilities, List<String> mounts, List<String> namespaces) {
        return RuntimeRulesEvaluator.decide(SPEC, new Observation.ContainerConfig("c", Instant.EPOCH, privileged, capabilities,
                mounts, namespaces));
    }

    @Test
    void blocksAPrivilegedContainerWhenThePolicyForbidsIt() {
        assertThat(decide(true, List.of(), List.of(), List.of())).isInstanceOfSatisfying(Decision.Block.class,
                block -> assertThat(block.rule()).isEqualTo(RuntimeRule.PRIVILEGED));
    }

    @Test
    void blocksADeniedCapabilityWrittenWithOrWithoutItsPrefix() {
        assertThat(decide(false, List.of("CAP_NET_ADMIN"), List.of(), List.of())).isInstanceOfSatisfying(Decision.Block.class,
                block -> assertThat(block.rule()).isEqualTo(RuntimeRule.DENIED_CAPABILITIES));
        assertThat(decide(false, List.of("NET_RAW"), List.of(), List.of())).isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksTheDockerSocketAndHostEtcMountedIn() {
        assertThat(decide(false, List.of(), List.of("/var/run/docker.sock"), List.of())).isInstanceOf(Decision.Block.class);
        assertThat(decide(false, List.of(), List.of("/etc"), List.of())).isInstanceOf(Decision.Block.class);
        assertThat(decide(false, List.of(), List.of("/srv/data"), List.of())).isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksSharingAHostNamespace() {
        assertThat(decide(false, List.of(), List.of(), List.of("pid"))).isInstanceOfSatisfying(Decision.Block.class,
                block -> assertThat(block.why()).contains("pid"));
    }

    @Test
    void allowsEverythingWhenTheAdmissionRulesAreSilent() {
        RuntimeSpec open = RuntimeSpec.defaults();
        assertThat(RuntimeRulesEvaluator.decide(open, new Observation.ContainerConfig("c", Instant.EPOCH, true, List.of("ALL"),
                List.of("/"), List.of("pid")))).isEqualTo(Decision.ALLOW);
    }
}
