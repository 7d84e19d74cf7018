package dev.bulwark.policy.version;

import static dev.bulwark.policy.version.SchemeAssertions.assertAscending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenericVersionSchemeTest {

    private final GenericVersionScheme generic = new GenericVersionScheme();

    @Test
    void comparesDigitRunsAsNumbers() {
        assertThat(generic.compare("1.10", "1.9")).isPositive();
        assertThat(generic.compare("1.010", "1.10")).isZero();
        assertThat(generic.compare("99999999999999999999", "100000000000000000000")).isNegative();
    }

    @Test
    void ordersLettersBeforeTheEndAndTheEndBeforeDigits() {
        assertAscending(generic, "1.0alpha", "1.0beta2", "1.0rc1", "1.0", "1.0.1", "1.1");
    }

    @Test
    void ignoresSeparatorsAndTheCaseOfLetters() {
        assertThat(generic.compare("1-0_RC1", "1.0.rc.1")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "...", "-+-"})
    void refusesAVersionWithoutLettersOrDigits(String version) {
        assertThatThrownBy(() -> generic.validate(version))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + version + "' is not a valid generic version");
    }
}
