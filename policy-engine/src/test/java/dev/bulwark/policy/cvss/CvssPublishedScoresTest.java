package dev.bulwark.policy.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.vuln.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every vector in {@code published-scores.psv} scores exactly what FIRST publishes for it (sources in the file). */
class CvssPublishedScoresTest {

    @ParameterizedTest(name = "{0} {1} score is {2} ({3})")
    @CsvFileSource(resources = "published-scores.psv", delimiter = '|')
    void scoresAPublishedVectorExactlyAsPublished(String vector, String which, double published, String source) {
        CvssVector parsed = CvssVector.parse(vector);

        double score = which.equals("base") ? parsed.baseScore() : parsed.score();

        assertThat(score).as("%s score of %s, published in %s", which, vector, source).isEqualTo(published);
        if (which.equals("base")) {
            assertThat(parsed.severity()).isEqualTo(Severity.fromScore(published));
        }
    }
}
