package dev.bulwark.policy.version;

import static dev.bulwark.policy.version.SchemeAssertions.assertAscending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpmVersionSchemeTest {

    private final RpmVersionScheme rpm = new RpmVersionScheme();

    @Test
    void ordersTildeBeforeTheEndAndCaretAfterIt() {
        assertAscending(rpm, "1.0~rc1", "1.0~rc2", "1.0", "1.0^", "1.0^git1", "1.0^git2", "1.0.1");
    }

    @Test
    void comparesTheEpochFirstAndTakesAMissingEpochAsZero() {
        assertThat(rpm.compare("1:1.0-1", "2.0-1")).isPositive();
        assertThat(rpm.compare("0:1.0-1", "1.0-1")).isZero();
        assertThat(rpm.compare("10:1", "9:2")).isPositive();
    }

    @Test
    void comparesTheReleaseAfterTheVersion() {
        assertThat(rpm.compare("3.0.7-27.el9", "3.0.7-25.el9")).isPositive();
        assertThat(rpm.compare("1.0-1.el9", "1.0-1.el8")).isPositive();
        assertThat(rpm.compare("1.1-1", "1.0-99")).isPositive();
    }

    @Test
    void sortsAMissingReleaseBeforeEveryRelease() {
        assertAscending(rpm, "1.0", "1.0-~rc", "1.0-", "1.0-0", "1.0-1");
    }

    @Test
    void ranksDigitRunsAboveLetterRunsAndIgnoresSeparators() {
        assertThat(rpm.compare("1.0.1", "1.0.a")).isPositive();
        assertThat(rpm.compare("2_0", "2.0")).isZero();
        assertThat(rpm.compare("1.0010", "1.10")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0-1-2", "a:1.0", "1.0 1", "1.0-"})
    void explainsWhatAValidRpmVersionLooksLike(String version) {
        assertThatThrownBy(() -> rpm.validate(version))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + version + "' is not a valid rpm version")
                .hasMessageContaining("[epoch:]version[-release]");
    }

    @Test
    void acceptsRealRedHatAndSuseVersions() {
        assertThat(rpm.isValid("1:3.0.7-27.el9")).isTrue();
        assertThat(rpm.isValid("2.38~rc1-1.fc40")).isTrue();
        assertThat(rpm.isValid("5.14.21-150500.55.39.1")).isTrue();
    }
}
