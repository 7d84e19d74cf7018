package dev.bulwark.policy.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpmSemverSchemeTest {

    private final NpmSemverScheme npm = new NpmSemverScheme();

    @Test
    void readsALeadingVOrEqualsSignLooselyAsNpmDoes() {
        assertThat(npm.compare("v1.2.3", "1.2.3")).isZero();
        assertThat(npm.compare("=1.2.3", "1.2.3")).isZero();
        assertThat(npm.compare(" = v 1.2.3 ", "1.2.3")).isZero();
        assertThat(npm.compare("1.2.3beta", "1.2.3-beta")).isZero();
        assertThat(npm.compare("01.02.03", "1.2.3")).isZero();
    }

    @Test
    void ignoresBuildMetadata() {
        assertThat(npm.compare("1.2.3+build.1", "1.2.3+build.2")).isZero();
    }

    @Test
    void ordersPreReleasesByNpmPrecedence() {
        assertThat(npm.compare("1.0.0-rc.1", "1.0.0")).isNegative();
        assertThat(npm.compare("1.0.0-2", "1.0.0-10")).isNegative();
        assertThat(npm.compare("1.0.0-10", "1.0.0-a")).isNegative();
        assertThat(npm.compare("1.0.0-alpha", "1.0.0-alpha.1")).isNegative();
    }

    @Test
    void comparesAlphanumericIdentifiersAsStringsUnlikeSemver4jsNaturalOrder() {
        assertThat(npm.compare("1.2.3-r100", "1.2.3-r2")).isNegative();
        assertThat(npm.compare("1.0.0-rc10", "1.0.0-rc2")).isNegative();
    }

    @Test
    void satisfiesCaretTildeXAndHyphenRanges() {
        assertThat(npm.satisfies("1.8.1", "^1.2.3")).isTrue();
        assertThat(npm.satisfies("2.0.0", "^1.2.3")).isFalse();
        assertThat(npm.satisfies("1.2.9", "~1.2.3")).isTrue();
        assertThat(npm.satisfies("1.3.0", "~1.2.3")).isFalse();
        assertThat(npm.satisfies("1.9.9", "1.x")).isTrue();
        assertThat(npm.satisfies("2.4.3", "1.2.3 - 2.4.3")).isTrue();
        assertThat(npm.satisfies("3.1.0", "<1.0.0 || >=3.0.0 <4")).isTrue();
    }

    @Test
    void leavesOutPreReleasesTheRangeDoesNotName() {
        assertThat(npm.satisfies("1.3.0-rc.1", "^1.2.3")).isFalse();
        assertThat(npm.satisfies("1.3.0-rc.1", "^1.2.3", true)).isTrue();
        assertThat(npm.satisfies("1.2.3-rc.2", "^1.2.3-rc.1")).isTrue();
    }

    @Test
    void keepsPreReleasesOfAnUpperLimitOutOfSugaredRanges() {
        // ^1.2.3 means <2.0.0-0, so no 2.0.0 pre-release passes even when another bound names one.
        assertThat(npm.satisfies("2.0.0-beta", "^1.2.3 >=2.0.0-alpha")).isFalse();
        assertThat(npm.satisfies("2.0.0-beta", "<2.0.0 >=2.0.0-alpha")).isTrue();
    }

    @Test
    void letsAFullLowerBoundOfAHyphenRangeAdmitItsPreReleasesWhenTheyAreIncluded() {
        assertThat(npm.satisfies("1.0.0-pre", "1.0.0 - 2", true)).isTrue();
        assertThat(npm.satisfies("1.0.0-pre", "1.0.0 - 2")).isFalse();
        assertThat(npm.satisfies("3.0.0-pre", "1.0.0 - 2", true)).isFalse();
    }

    @Test
    void readsHyphenRangesUpToTheFirstWildcardOfEachSide() {
        assertThat(npm.satisfies("10.5.0", "10.*.1 - X.2")).isTrue();
        assertThat(npm.satisfies("9.9.9", "10.*.1 - X.2")).isFalse();
        assertThat(npm.satisfies("10.3.3", "1 - 0.x.3")).isFalse();
    }

    @Test
    void dropsAnXRangeWithANumberAfterAWildcardButReadsItAfterACaret() {
        assertThat(npm.satisfies("2.0.0", "1.x.3 || 2.0.0")).isTrue();
        assertThat(npm.satisfies("1.5.0", "1.x.3 || 2.0.0")).isFalse();
        assertThat(npm.satisfies("1.5.0", "^1.x.3")).isTrue();
        assertThatThrownBy(() -> npm.satisfies("1.5.0", "1.x.3")).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void reducesARangeWithAMatchAllAlternativeToThatAlternativeAsNodeSemverDoes() {
        assertThat(npm.satisfies("1.2.3-rc.0", "<=1.2.3-rc.1")).isTrue();
        assertThat(npm.satisfies("1.2.3-rc.0", "<=1.2.3-rc.1 || *")).isFalse();
        assertThat(npm.satisfies("1.2.3", "<=1.2.3-rc.1 || *")).isTrue();
    }

    @Test
    void ignoresBuildMetadataInRanges() {
        assertThat(npm.satisfies("2.9.9", "* - 2+build.7")).isTrue();
        assertThat(npm.satisfies("3.0.0", "* - 2+build.7")).isFalse();
    }

    @Test
    void letsAVersionThatIsNotSemverSatisfyNoRange() {
        assertThat(npm.satisfies("not a version", "*")).isFalse();
        assertThat(npm.isValid("not a version")).isFalse();
    }

    @Test
    void refusesARangeWithNothingReadableInsteadOfMatchingNothingSilently() {
        assertThatThrownBy(() -> npm.satisfies("1.0.0", "latest"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'latest' is not a valid npm range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "latest", "1.2.3.4", "1.2.3-a..b", "1.2.3_1", ""})
    void explainsWhatAValidNpmVersionLooksLike(String version) {
        assertThatThrownBy(() -> npm.validate(version))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'" + version + "' is not a valid npm version")
                .hasMessageContaining("MAJOR.MINOR.PATCH");
    }
}
