package dev.bulwark.policy.version;

import static dev.bulwark.policy.version.SchemeAssertions.assertAscending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionSchemeTest {

    private final Pep440VersionScheme pep440 = new Pep440VersionScheme();

    @ParameterizedTest
    @CsvSource({
        "1.0.0-alpha1, 1.0.0a1",
        "1.0.0.ALPHA.1, 1.0.0a1",
        "v1.0, 1.0",
        "1.0-r2, 1.0.post2",
        "1.0-2, 1.0.post2",
        "1.0c1, 1.0rc1",
        "1.0-preview-3, 1.0rc3",
        "1.0.DEV, 1.0.dev0",
        "1.0b, 1.0b0",
        "01.02, 1.2",
        "0!1.0, 1.0",
        "1!2.0_post_1, 1!2.0.post1",
        "1.0+Ubuntu-1_2, 1.0+ubuntu.1.2",
        "1.0+abc.007, 1.0+abc.7",
        "' 1.0 ', 1.0"
    })
    void normalisesEverySpellingPep440Allows(String spelled, String normal) {
        assertThat(pep440.normalize(spelled)).isEqualTo(normal);
        assertThat(pep440.compare(spelled, normal)).isZero();
    }

    @Test
    void treatsAlphaSpelledOutAsTheSameVersion() {
        assertThat(pep440.compare("1.0.0a1", "1.0.0-alpha1")).isZero();
    }

    @Test
    void ignoresTrailingZerosOfTheRelease() {
        assertThat(pep440.compare("1.0", "1.0.0.0")).isZero();
        assertThat(pep440.compare("1.0.1", "1.0")).isPositive();
    }

    @Test
    void ordersDevPrePostAndFinalReleases() {
        assertAscending(pep440, "1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.0.post1.dev1",
                "1.0.post1", "1.0.1.dev0", "1.0.1");
    }

    @Test
    void letsTheEpochOutrankTheRelease() {
        assertThat(pep440.compare("1!0.1", "2024.1")).isPositive();
    }

    @Test
    void ordersLocalVersionsAfterThePublicOneWithLettersBeforeNumbers() {
        assertAscending(pep440, "1.0", "1.0+abc", "1.0+abc.1", "1.0+def", "1.0+1", "1.0+1.abc", "1.0+1.1", "1.0+2",
                "1.0+10", "1.0.post1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "1.0.x", "1.0-beta-foo", "1..0", "1.0+"})
    void explainsWhatAValidPythonVersionLooksLike(String version) {
        assertThatThrownBy(() -> pep440.compare(version, "1.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + version + "' is not a valid PEP 440 version")
                .hasMessageContaining("[N!]N(.N)*");
    }
}
