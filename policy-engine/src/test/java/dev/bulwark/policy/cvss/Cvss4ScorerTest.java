package dev.bulwark.policy.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Cvss4ScorerTest {

    private static final String CRITICAL_BASE = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    @ParameterizedTest
    @ValueSource(strings = {
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MVC:N/MVI:N/MVA:N"})
    void scoresZeroWhenNoSystemIsImpacted(String vector) {
        assertThat(score(vector)).isZero();
    }

    @Test
    void givesAHighestSeverityVectorTheScoreOfItsMacroVector() {
        // MacroVector 000200 (no subsequent impact) scores 9.3, and this vector is its highest one
        assertThat(score(CRITICAL_BASE)).isEqualTo(9.3);
    }

    @Test
    void treatsNotDefinedThreatAndRequirementsAsTheWorstCase() {
        assertThat(score(CRITICAL_BASE + "/E:X/CR:X/IR:X/AR:X")).isEqualTo(score(CRITICAL_BASE + "/E:A/CR:H/IR:H/AR:H"))
                .isEqualTo(score(CRITICAL_BASE));
    }

    @Test
    void letsModifiedBaseMetricsReplaceTheBaseMetrics() {
        assertThat(score(CRITICAL_BASE + "/MAV:L/MPR:H")).isEqualTo(score(CRITICAL_BASE.replace("AV:N", "AV:L")
                .replace("PR:N", "PR:H")));
    }

    @Test
    void interpolatesBetweenTheMacroVectorAndItsLowerNeighbours() {
        // MacroVector 110200 scores 7.7. AV:L/PR:L lie 2 tenths from its highest vector AV:A/PR:N/UI:N, in an EQ1
        // level 4 tenths deep, so EQ1 moves 2/4 of the way to 210200 (5.4): 1.15. EQ3+EQ6 and EQ5 have lower
        // neighbours but no distance; EQ2 and EQ4 have no lower neighbour. 7.7 - 1.15 / 3 = 7.317 -> 7.3, the
        // score FIRST publishes for this vector (CVE-2022-41741 in the v4.0 examples document).
        assertThat(score("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEqualTo(7.3);
    }

    @Test
    void roundsAScoreOnATieHalfUpDespiteFloatingPointNoise() {
        // 8.55 computes as 8.549999...; the FIRST reference calculator rounds it to 8.6 since its 2024-11 fix
        // (RedHatProductSecurity/cvss-v4-calculator issue 66)
        assertThat(score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H")).isEqualTo(8.6);
        // 0.35 -> 0.4 and 8.95 -> 9.0, reported in issue 48 of the same repository
        assertThat(score("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U")).isEqualTo(0.4);
        assertThat(score("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P")).isEqualTo(9.0);
    }

    @Test
    void findsAHighestSeverityVectorAtLeastAsSevereAsEveryBaseVector() {
        List<String> failures = new ArrayList<>();
        List<Map<String, String>> vectors = allBaseVectors();
        for (Map<String, String> vector : vectors) {
            Cvss4Metrics metrics = Cvss4Metrics.effective(vector);
            Map<String, Integer> distances = Cvss4Scorer.distancesToHighest(metrics, Cvss4MacroVector.of(metrics));
            double score = Cvss4Scorer.score(vector);
            if (distances.values().stream().anyMatch(d -> d < 0) || score < 0 || score > 10) {
                failures.add(vector + " -> " + distances + ", " + score);
            }
        }

        assertThat(vectors).hasSize(104_976);
        assertThat(failures).isEmpty();
    }

    private static double score(String vector) {
        return CvssVector.parse(vector).score();
    }

    private static List<Map<String, String>> allBaseVectors() {
        List<Map<String, String>> vectors = List.of(Map.of());
        for (String metric : CvssMetrics.baseMetrics(CvssVersion.V4_0)) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> vector : vectors) {
                for (String value : CvssMetrics.allowedValues(CvssVersion.V4_0).get(metric)) {
                    Map<String, String> longer = new LinkedHashMap<>(vector);
                    longer.put(metric, value);
                    extended.add(longer);
                }
            }
            vectors = extended;
        }
        return vectors;
    }
}
