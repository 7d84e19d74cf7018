package dev.bulwark.policy.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Cvss3ScorerTest {

    @Test
    void givesV30AndV31TheSameBaseScoreForEveryBaseVector() {
        List<String> differing = new ArrayList<>();
        for (String base : allBaseVectors()) {
            double v30 = CvssVector.parse("CVSS:3.0/" + base).baseScore();
            double v31 = CvssVector.parse("CVSS:3.1/" + base).baseScore();
            if (v30 != v31) {
                differing.add(base + ": 3.0 gives " + v30 + ", 3.1 gives " + v31);
            }
        }

        // The Roundup of v3.1 (Appendix A) differs from the plain ceiling of v3.0 only on floating-point noise,
        // which no base vector produces: the rounding change matters for environmental scores alone.
        assertThat(differing).isEmpty();
    }

    @Test
    void matchesTheV31SpecificationFormulaForEveryBaseVector() {
        List<String> differing = new ArrayList<>();
        for (String base : allBaseVectors()) {
            double library = CvssVector.parse("CVSS:3.1/" + base).baseScore();
            double specification = Cvss31BaseFormula.baseScore(CvssVector.parse("CVSS:3.1/" + base).metrics());
            if (library != specification) {
                differing.add(base + ": library " + library + ", specification " + specification);
            }
        }

        assertThat(differing).isEmpty();
    }

    @Test
    void roundsUpToTheNextTenthAndNeverDown() {
        // Impact 3.5952 + exploitability 2.8352 = 6.4304 -> 6.5 (Roundup never rounds down)
        assertThat(CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N").baseScore()).isEqualTo(6.5);
        // Scope changed: 1.08 x (impact + exploitability), capped at 10
        assertThat(CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").baseScore()).isEqualTo(10.0);
    }

    private static List<String> allBaseVectors() {
        List<String> vectors = new ArrayList<>();
        Map<String, List<String>> allowed = CvssMetrics.allowedValues(CvssVersion.V3_1);
        expand(CvssMetrics.baseMetrics(CvssVersion.V3_1), 0, "", allowed, vectors);
        assertThat(vectors).hasSize(2592);
        return vectors;
    }

    private static void expand(List<String> metrics, int index, String prefix, Map<String, List<String>> allowed,
                               List<String> out) {
        if (index == metrics.size()) {
            out.add(prefix.substring(1));
            return;
        }
        String metric = metrics.get(index);
        for (String value : allowed.get(metric)) {
            expand(metrics, index + 1, prefix + "/" + metric + ":" + value, allowed, out);
        }
    }
}
