package dev.bulwark.policy.version;

import static dev.bulwark.policy.version.SchemeAssertions.assertAscending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoVersionSchemeTest {

    private static final String UNTAGGED = "v0.0.0-20191109021931-daa7c04131f5";
    private static final String AFTER_RELEASE = "v1.2.4-0.20191109021931-daa7c04131f5";
    private static final String AFTER_PRE_RELEASE = "v1.2.3-pre.0.20191109021931-daa7c04131f5";

    private final GoVersionScheme go = new GoVersionScheme();

    @Test
    void ignoresTheIncompatibleBuildSuffix() {
        assertThat(go.compare("v2.0.0+incompatible", "v2.0.0")).isZero();
        assertThat(go.compare("v24.0.7+incompatible", "v24.0.10+incompatible")).isNegative();
    }

    @Test
    void acceptsVersionsWithoutTheLeadingVAsOsvWritesThem() {
        assertThat(go.compare("1.2.3", "v1.2.3")).isZero();
    }

    @Test
    void readsShorthandsAsZeroFilled() {
        assertThat(go.compare("v1", "v1.0.0")).isZero();
        assertThat(go.compare("v1.2", "v1.2.0")).isZero();
    }

    @Test
    void placesPseudoVersionsBetweenTheTagsAroundTheirCommit() {
        assertAscending(go, UNTAGGED, "v0.0.1");
        assertAscending(go, "v1.2.3", AFTER_RELEASE, "v1.2.4");
        assertAscending(go, "v1.2.3-pre", AFTER_PRE_RELEASE, "v1.2.3-pre.1", "v1.2.3");
    }

    @Test
    void ordersPseudoVersionsOfOneBaseByCommitTime() {
        assertAscending(go, "v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-0123456789ab",
                "v0.0.0-20240101120000-aaaaaaaaaaaa");
    }

    @Test
    void recognisesTheThreeFormsOfPseudoVersion() {
        assertThat(go.isPseudoVersion(UNTAGGED)).isTrue();
        assertThat(go.isPseudoVersion(AFTER_RELEASE)).isTrue();
        assertThat(go.isPseudoVersion(AFTER_PRE_RELEASE)).isTrue();
        assertThat(go.isPseudoVersion("v1.2.3-rc.1")).isFalse();
        assertThat(go.isPseudoVersion("v1.2.3-20191109021931-daa7c04131f5")).isFalse();
    }

    @Test
    void comparesNumbersOfAnySize() {
        assertThat(go.compare("v1.99999999999999999999.0", "v1.100000000000000000000.0")).isNegative();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "v01.2.3", "v1.2.3-01", "v1.2.3.4", "v1.2-rc.1", "v1.2.3+", "vv1.2.3"})
    void explainsWhatAValidGoVersionLooksLike(String version) {
        assertThatThrownBy(() -> go.compare(version, "v1.0.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + version + "' is not a valid go version");
    }
}
