package dev.bulwark.policy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModePolicyTest {

    private static final Decision.Block BLOCK = new Decision.Block(RuntimeRule.DENIED_EXECUTABLES,
            "/bin/sh ran");
    private static final Decision.Alert ALERT = new Decision.Alert(RuntimeRule.OUTBOUND_ALLOW, "connected out");

    @Test
    void learnModeRecordsOnlyWhateverTheRulesSay() {
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.LEARN, false)).isEqualTo(Decision.ALLOW);
        assertThat(ModePolicy.apply(ALERT, RuntimeMode.LEARN, false)).isEqualTo(Decision.ALLOW);
        assertThat(ModePolicy.apply(Decision.ALLOW, RuntimeMode.LEARN, true)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void monitorModeTurnsABlockIntoAnAlertOnTheSameRule() {
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.MONITOR, false))
                .isEqualTo(new Decision.Alert(RuntimeRule.DENIED_EXECUTABLES, "/bin/sh ran"));
        assertThat(ModePolicy.apply(ALERT, RuntimeMode.MONITOR, false)).isEqualTo(ALERT);
        assertThat(ModePolicy.apply(Decision.ALLOW, RuntimeMode.MONITOR, false)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void protectModeKeepsTheBlockAndItsRequestedResponse() {
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.PROTECT, false)).isEqualTo(BLOCK);
        assertThat(ModePolicy.apply(ALERT, RuntimeMode.PROTECT, false)).isEqualTo(ALERT);
        assertThat(ModePolicy.apply(Decision.ALLOW, RuntimeMode.PROTECT, false)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void protectModeOnlyAlertsWhileEventsAreLost() {
        Decision decision = ModePolicy.apply(BLOCK, RuntimeMode.PROTECT, true);

        assertThat(decision).isInstanceOf(Decision.Alert.class);
        Decision.Alert alert = (Decision.Alert) decision;
        assertThat(alert.rule()).isEqualTo(RuntimeRule.DENIED_EXECUTABLES);
        assertThat(alert.why()).startsWith("/bin/sh ran").contains("events were lost");
        assertThat(ModePolicy.apply(Decision.ALLOW, RuntimeMode.PROTECT, true)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void monitorModeIsUnchangedByLostEvents() {
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.MONITOR, true))
                .isEqualTo(new Decision.Alert(RuntimeRule.DENIED_EXECUTABLES, "/bin/sh ran"));
    }

    @Test
    void theContainerLabelOverridesThePolicyDefault() {
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.MONITOR, Optional.of(RuntimeMode.PROTECT), false, false))
                .isEqualTo(BLOCK);
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.PROTECT, Optional.of(RuntimeMode.MONITOR), false, false))
                .isInstanceOf(Decision.Alert.class);
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.PROTECT, Optional.empty(), false, false)).isEqualTo(BLOCK);
        assertThat(ModePolicy.effectiveMode(RuntimeMode.LEARN, Optional.empty())).isEqualTo(RuntimeMode.LEARN);
    }

    @Test
    void aContainerLabelledOffIsLeftAlone() {
        assertThat(ModePolicy.apply(BLOCK, RuntimeMode.PROTECT, Optional.empty(), true, false)).isEqualTo(Decision.ALLOW);
        assertThat(ModePolicy.apply(ALERT, RuntimeMode.MONITOR, Optional.empty(), true, true)).isEqualTo(Decision.ALLOW);
    }
}
