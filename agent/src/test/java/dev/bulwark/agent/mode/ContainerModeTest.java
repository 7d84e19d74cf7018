package dev.bulwark.agent.mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerModeTest {

    @Test
    void readsTheModeTheOwnerAskedForWhateverTheCase() {
        assertThat(ContainerMode.fromLabels(Map.of("bulwark.mode", "Protect"))).contains(ContainerMode.PROTECT);
        assertThat(ContainerMode.fromLabels(Map.of("bulwark.mode", " off "))).contains(ContainerMode.OFF);
    }

    @Test
    void leavesTheChoiceToThePolicyWhenTheLabelIsMissing() {
        assertThat(ContainerMode.fromLabels(Map.of("maintainer", "team"))).isEmpty();
        assertThat(ContainerMode.fromLabels(null)).isEmpty();
    }

    @Test
    void namesTheValidModesWhenTheLabelIsMistyped() {
        assertThatThrownBy(() -> ContainerMode.fromLabels(Map.of("bulwark.mode", "protekt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label bulwark.mode=protekt is not a mode: use one of protect, monitor, learn, off");
    }
}
