package dev.bulwark.scanner.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrivyFixedVersionsTest {

    @Test
    void keepsASingleVersionAndNoneAsTheyAre() {
        assertThat(FixedVersions.choose("2.9.10.4", "2.9.1", "maven")).isEqualTo("2.9.10.4");
        assertThat(FixedVersions.choose("", "2.9.1", "maven")).isEmpty();
    }

    @Test
    void ordersByTheEcosystemsSchemeNotByText() {
        assertThat(FixedVersions.choose("2.9.10.8, 2.10.5, 2.12.1", "2.10.1", "maven")).isEqualTo("2.10.5");
        assertThat(FixedVersions.choose("1.9-1, 1:1.2-1", "1:1.0-1", "deb")).as("1.9-1 has epoch 0, below 1:1.0-1")
                .isEqualTo("1:1.2-1");
    }

    @Test
    void keepsTheFirstListedWhenNoneIsAboveTheInstalledVersion() {
        assertThat(FixedVersions.choose("1.0.1, 1.1.1", "2.0.0", "npm")).isEqualTo("1.0.1");
    }

    @Test
    void keepsTheFirstListedWhenTheVersionsCannotBeOrdered() {
        assertThat(FixedVersions.choose("not-a-version, 1.2.3", "1.0.0", "npm")).isEqualTo("not-a-version");
    }
}
