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
                mounts, namespaces, "app"));
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
                List.of("/"), List.of("pid"), ""))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksAMountOfADirectoryThatHoldsADeniedPath() {
        assertThat(decide(false, List.of(), List.of("/var/run"), List.of())).isInstanceOfSatisfying(Decision.Block.class,
                block -> assertThat(block.why()).contains("holds '/var/run/docker.sock'"));
        assertThat(decide(false, List.of(), List.of("/var/run/../run/"), List.of())).isInstanceOf(Decision.Block.class);
        assertThat(decide(false, List.of(), List.of("/"), List.of())).isInstanceOf(Decision.Block.class);
        assertThat(decide(false, List.of(), List.of("/var/lib/app"), List.of())).isEqualTo(Decision.ALLOW);
    }

    @Test
    void blocksRootOnlyWhereThePolicyAsksForNonRoot() {
        RuntimeSpec nonRoot = new RuntimeSpec(RuntimeMode.PROTECT, RuntimeRules.none(),
                new AdmissionRules(null, null, null, null, null, true), List.of(Response.ALERT));
        for (String root : List.of("", "root", "0", "0:0", "root:1000", "00")) {
            assertThat(RuntimeRulesEvaluator.decide(nonRoot, new Observation.ContainerConfig("c", Instant.EPOCH, false, List.of(),
                    List.of(), List.of(), root))).as(root).isInstanceOfSatisfying(Decision.Block.class,
                    block -> assertThat(block.rule()).isEqualTo(RuntimeRule.RUN_AS_NON_ROOT));
        }
        for (String user : List.of("1000", "app", "1000:0", "nobody:nogroup")) {
            assertThat(RuntimeRulesEvaluator.decide(nonRoot, new Observation.ContainerConfig("c", Instant.EPOCH, false, List.of(),
                    List.of(), List.of(), user))).as(user).isEqualTo(Decision.ALLOW);
        }
        assertThat(decide(false, List.of(), List.of(), List.of())).isEqualTo(Decision.ALLOW);
    }
}
