package dev.bulwark.policy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionTest {

    private final Decision alert = new Decision.Alert(RuntimeRule.PROFILE, "a new program");
    private final Decision block = new Decision.Block(RuntimeRule.PROFILE, "a new program");

    @Test
    void blockOutranksAlertAndAlertOutranksAllow() {
        assertThat(block.outranks(alert)).isTrue();
        assertThat(alert.outranks(Decision.ALLOW)).isTrue();
        assertThat(block.outranks(Decision.ALLOW)).isTrue();
    }

    @Test
    void weakerOrEqualDecisionsDoNotOutrank() {
        assertThat(Decision.ALLOW.outranks(alert)).isFalse();
        assertThat(alert.outranks(block)).isFalse();
        assertThat(alert.outranks(new Decision.Alert(RuntimeRule.EXEC, "another"))).isFalse();
        assertThat(Decision.ALLOW.outranks(Decision.ALLOW)).isFalse();
    }
}
