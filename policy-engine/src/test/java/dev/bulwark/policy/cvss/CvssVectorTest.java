package dev.bulwark.policy.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.vuln.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CvssVectorTest {

    private static final String LOG4SHELL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";

    @Test
    void parsesAV31VectorWithItsVersionMetricsScoreAndBand() {
        CvssVector vector = CvssVector.parse(LOG4SHELL);

        assertThat(vector.version()).isEqualTo(CvssVersion.V3_1);
        assertThat(vector.metric("S")).contains("C");
        assertThat(vector.metric("E")).isEmpty();
        assertThat(vector.baseScore()).isEqualTo(10.0);
        assertThat(vector.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void parsesAV40VectorAndRoundTripsItsString() {
        String text = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

        CvssVector vector = CvssVector.parse(text);

        assertThat(vector.version()).isEqualTo(CvssVersion.V4_0);
        assertThat(vector.baseScore()).isEqualTo(9.3);
        assertThat(vector).hasToString(text);
    }

    @Test
    void acceptsMetricsInAnyOrderAndTreatsReorderedVectorsAsEqual() {
        CvssVector reordered = CvssVector.parse("CVSS:3.1/A:H/I:H/C:H/S:C/UI:N/PR:N/AC:L/AV:N");

        assertThat(reordered).isEqualTo(CvssVector.parse(LOG4SHELL));
        assertThat(reordered.baseScore()).isEqualTo(10.0);
    }

    @Test
    void ignoresV3TemporalAndEnvironmentalMetricsInTheBaseScore() {
        CvssVector vector = CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/E:F/RL:O/RC:C/CR:L/MAV:P");

        assertThat(vector.baseScore()).isEqualTo(7.5);
        assertThat(vector.score()).isEqualTo(7.5);
    }

    @Test
    void scoresV40ThreatMetricsInScoreButNotInBaseScore() {
        CvssVector vector = CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U");

        assertThat(vector.baseScore()).isEqualTo(7.7);
        assertThat(vector.score()).isEqualTo(5.2);
        assertThat(vector.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void acceptsV40SupplementalMetricsWithoutChangingTheScore() {
        CvssVector vector = CvssVector.parse(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/R:I/V:C/RE:H/U:Amber");

        assertThat(vector.score()).isEqualTo(9.3);
    }

    @Test
    void givesAVectorWithoutImpactTheUnknownBandOfScoreZero() {
        CvssVector vector = CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N");

        assertThat(vector.baseScore()).isZero();
        assertThat(vector.severity()).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void validatesVectorsBuiltFromMetricsLikeParsedOnes() {
        assertThat(new CvssVector(CvssVersion.V3_0, Map.of("AV", "N", "AC", "L", "PR", "N", "UI", "N",
                "S", "U", "C", "H", "I", "N", "A", "N")).baseScore()).isEqualTo(7.5);
        assertThatThrownBy(() -> new CvssVector(CvssVersion.V4_0, Map.of("AV", "N")))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are missing");
    }

    @Test
    void rejectsAMissingBaseMetricNamingItAndShowingACompleteVector() {
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/S:U/C:H/I:H/A:H"))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("base metric UI is missing")
                .hasMessageContaining("needs all of AV, AC, PR, UI, S, C, I, A")
                .hasMessageContaining("for example CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    }

    @Test
    void rejectsAnUnknownValueNamingTheMetricAndTheAllowedValues() {
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("Invalid CVSS vector 'CVSS:3.1/AV:Q/")
                .hasMessageContaining("metric AV has unknown value 'Q': use one of N, A, L, P")
                .hasMessageContaining("for example AV:N");
    }

    @Test
    void rejectsNotDefinedForAMandatoryMetric() {
        assertThatThrownBy(() -> CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:X/VI:H/VA:H/SC:N/SI:N/SA:N"))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("metric VC has unknown value 'X': use one of H, L, N");
    }

    @Test
    void rejectsAMetricGivenTwice() {
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L"))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("metric AV appears twice (AV:N and AV:L): give each metric once");
    }

    @Test
    void rejectsAMetricOfAnotherVersion() {
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("unknown metric 'AT' for CVSS:3.1: use only AV, AC, PR, UI, S, C, I, A, E,");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "AV:N/AC:L/Au:N/C:P/I:P/A:P",
        "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS 3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"})
    void rejectsAVectorWithoutAVersionPrefixAndShowsTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> CvssVector.parse(text))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("does not start with a CVSS version prefix")
                .hasMessageContaining("CVSS:3.0, CVSS:3.1, CVSS:4.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"})
    void rejectsAnUnsupportedVersionNamingIt(String text) {
        assertThatThrownBy(() -> CvssVector.parse(text))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("version '" + text.substring(0, 8) + "' is not supported")
                .hasMessageContaining("Bulwark reads CVSS:3.0, CVSS:3.1, CVSS:4.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H"})
    void rejectsAPartThatIsNotNameColonValue(String text) {
        assertThatThrownBy(() -> CvssVector.parse(text))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("is not a metric: write each metric as NAME:VALUE, separated by '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/"})
    void rejectsAnEmptyPartBetweenSlashes(String text) {
        assertThatThrownBy(() -> CvssVector.parse(text))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("empty metric between two '/': remove the extra '/'");
    }

    @Test
    void rejectsAPrefixWithoutMetrics() {
        assertThatThrownBy(() -> CvssVector.parse("CVSS:4.0"))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("base metrics AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsAnEmptyVectorShowingWhatToWrite(String text) {
        assertThatThrownBy(() -> CvssVector.parse(text))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessageContaining("CVSS vector is empty: write one such as CVSS:3.1/");
        assertThatThrownBy(() -> CvssVector.parse(null)).isInstanceOf(InvalidCvssVectorException.class);
    }
}
