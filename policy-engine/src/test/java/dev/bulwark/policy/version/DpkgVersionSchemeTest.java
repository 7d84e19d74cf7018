package dev.bulwark.policy.version;

import static dev.bulwark.policy.version.SchemeAssertions.assertAscending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DpkgVersionSchemeTest {

    private final DpkgVersionScheme dpkg = new DpkgVersionScheme();

    @Test
    void ordersTildeBeforeEverythingEvenTheEnd() {
        assertAscending(dpkg, "1.0~~", "1.0~~a", "1.0~", "1.0~rc1", "1.0", "1.0a", "1.0+b1", "1.0.1");
    }

    @Test
    void ordersLettersBeforeOtherNonDigits() {
        assertThat(dpkg.compare("1.0a", "1.0+")).isNegative();
        assertThat(dpkg.compare("1.0Z", "1.0.")).isNegative();
        assertThat(dpkg.compare("1.0A", "1.0a")).isNegative();
    }

    @Test
    void comparesDigitRunsAsNumbersWhateverTheirLeadingZeros() {
        assertThat(dpkg.compare("1.10", "1.9")).isPositive();
        assertThat(dpkg.compare("1.002", "1.2")).isZero();
        assertThat(dpkg.compare("20240101", "9")).isPositive();
    }

    @Test
    void comparesTheEpochFirstAndTakesAMissingEpochAsZero() {
        assertThat(dpkg.compare("1:0.1", "9.9")).isPositive();
        assertThat(dpkg.compare("0:1.0", "1.0")).isZero();
        assertThat(dpkg.compare("2:1.0", "10:0.1")).isNegative();
    }

    @Test
    void splitsTheRevisionAtTheLastHyphenAndComparesItLast() {
        assertThat(dpkg.compare("1.0-beta-2", "1.0-beta-10")).isNegative();
        assertThat(dpkg.compare("1.0-10", "1.0-9")).isPositive();
        assertThat(dpkg.compare("1.0", "1.0-1")).isNegative();
        assertThat(dpkg.compare("1.0", "1.0-0")).isZero();
        assertThat(dpkg.compare("2.36-9+deb12u4", "2.36-9+deb12u10")).isNegative();
    }

    @Test
    void ordersVersionsPolicyFrownsOnAsDpkgDoesButDoesNotValidateThem() {
        assertThat(dpkg.compare("a", "b")).isNegative();
        assertThat(dpkg.isValid("a")).isFalse();
        assertThatThrownBy(() -> dpkg.validate("1.0_1"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("'1.0_1' is not a valid dpkg version")
                .hasMessageContaining("'_'");
    }

    @Test
    void acceptsRealDebianAndUbuntuVersions() {
        assertThat(List.of("1:2.36.1-8+deb12u1", "2.0~rc1", "1.0+dfsg-1~bpo11+1", "3.0.11-1~deb12u2",
                "1:9.18.28-0ubuntu0.22.04.1", "0.0~git20230101.abcdef-1")).allMatch(dpkg::isValid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "1:", ":1", "a:1", "1.0-", "1 0", "-1:1", "1.0-1:2", "99999999999:1", "1:-1"})
    void refusesWhatDpkgRefusesWithAMessageShowingTheShape(String version) {
        assertThatThrownBy(() -> dpkg.compare(version, "1.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + version + "' is not a valid dpkg version")
                .satisfies(e -> assertThat(((InvalidVersionException) e).scheme()).isEqualTo("dpkg"));
    }

    @Test
    void toleratesSurroundingBlanksAsDpkgDoes() {
        assertThat(dpkg.compare(" 1.0\t", "1.0")).isZero();
    }
}
