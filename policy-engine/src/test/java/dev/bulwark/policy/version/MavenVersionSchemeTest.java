package dev.bulwark.policy.version;

import static dev.bulwark.policy.version.SchemeAssertions.assertAscending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MavenVersionSchemeTest {

    private final MavenVersionScheme maven = new MavenVersionScheme();

    @Test
    void ordersQualifiersAsMavenDoes() {
        assertAscending(maven, "1.0-alpha-1", "1.0-beta-1", "1.0-milestone-1", "1.0-rc-1", "1.0-SNAPSHOT", "1.0",
                "1.0-sp-1", "1.0-1", "1.0.1");
    }

    @Test
    void treatsSpellingsOfTheSameReleaseAsEqual() {
        assertThat(maven.compare("1.0", "1.0.0")).isZero();
        assertThat(maven.compare("1.0-ga", "1.0")).isZero();
        assertThat(maven.compare("1.0-final", "1.0")).isZero();
        assertThat(maven.compare("1.0-RC1", "1.0-cr1")).isZero();
    }

    @Test
    void comparesNumbersNumerically() {
        assertThat(maven.compare("2.17.1", "2.9.0")).isPositive();
        assertThat(maven.compare("1.0.10", "1.0.9")).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "1.0 final"})
    void refusesBlankVersionsAndWhitespace(String version) {
        assertThatThrownBy(() -> maven.validate(version))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + version + "' is not a valid maven version");
    }
}
