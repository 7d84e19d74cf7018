package dev.bulwark.policy.version;

import static dev.bulwark.policy.version.SchemeAssertions.assertAscending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApkVersionSchemeTest {

    private final ApkVersionScheme apk = new ApkVersionScheme();

    @Test
    void ordersPreReleaseSuffixesBeforeTheReleaseAndPostReleaseSuffixesAfter() {
        assertAscending(apk, "1.0_alpha", "1.0_beta", "1.0_pre", "1.0_rc", "1.0", "1.0_cvs", "1.0_svn", "1.0_git",
                "1.0_hg", "1.0_p");
        assertAscending(apk, "1.0_rc1", "1.0_rc2", "1.0_rc10", "1.0");
    }

    @Test
    void ordersRevisionsNumericallyAndAfterTheBareVersion() {
        assertAscending(apk, "1.0", "1.0-r0", "1.0-r1", "1.0-r2", "1.0-r10", "1.0.1-r0");
    }

    @Test
    void comparesADottedPartWithALeadingZeroAsAString() {
        assertThat(apk.compare("1.01", "1.1")).isNegative();
        assertThat(apk.compare("8.2.0", "8.2.001")).isNegative();
        assertThat(apk.compare("1.10", "1.9")).isPositive();
        assertThat(apk.compare("006", "1.0")).isPositive(); // the first number is always numeric
    }

    @Test
    void ordersALetterAfterTheNumberItFollowsButBeforeAFurtherDottedPart() {
        assertAscending(apk, "1.0", "1.0a", "1.0b", "1.0.1");
    }

    @Test
    void comparesCommitHashesAsStrings() {
        assertThat(apk.compare("1.0_git20240101~1a2b", "1.0_git20240101~1a3b")).isNegative();
        assertThat(apk.isValid("0.1_pre2~1234abcd-r1")).isTrue();
    }

    @Test
    void matchesTheFuzzyOperatorAsAPrefix() {
        assertThat(apk.matches("3.6.9", "~", "3.6")).isTrue();
        assertThat(apk.matches("3.7", "~", "3.6")).isFalse();
        assertThat(apk.matches("3.5", "<~", "3.6")).isTrue();
        assertThat(apk.matches("1.2.3-r1", ">=", "1.2.3")).isTrue();
    }

    @Test
    void refusesAnOperatorApkDoesNotKnow() {
        assertThatThrownBy(() -> apk.matches("1.0", "!=", "1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'!='");
    }

    @Test
    void ordersMalformedVersionsUpToTheirFirstBadTokenAsApkDoes() {
        assertThat(apk.compare("1.0", "1.0bc")).isNegative();
        assertThat(apk.isValid("1.0bc")).isFalse();
    }

    @Test
    void explainsWhatAValidAlpineVersionLooksLike() {
        assertThatThrownBy(() -> apk.validate("1.0_foo"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageStartingWith("'1.0_foo' is not a valid apk version")
                .hasMessageContaining("-rN");
    }
}
