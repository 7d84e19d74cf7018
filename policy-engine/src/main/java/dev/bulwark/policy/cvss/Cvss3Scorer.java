package dev.bulwark.policy.cvss;

import java.util.stream.Collectors;
import us.springett.cvss.Cvss;

/**
 * CVSS v3.0 and v3.1 base scores, computed by cvss-calculator ({@code us.springett.cvss}).
 *
 * <p>Only the eight base metrics are handed to the library, in specification order, so temporal and
 * environmental metrics can never change a base score. The library rounds v3.1 scores with the integer Roundup
 * of Appendix A of the v3.1 specification and v3.0 scores with a plain ceiling to one decimal; for base scores
 * the two give the same result for every one of the 2,592 base vectors, and both equal the specification's
 * formula (proven exhaustively by {@code Cvss3ScorerTest}).
 */
final class Cvss3Scorer {

    private Cvss3Scorer() {
    }

    /** The v3.x base score of a vector already validated by {@link CvssVector}. */
    static double baseScore(CvssVector vector) {
        if (!vector.version().isV3()) {
            throw new IllegalArgumentException("Cvss3Scorer scores CVSS v3 vectors only, not " + vector);
        }
        String base = CvssMetrics.baseMetrics(vector.version()).stream()
                .map(metric -> metric + ":" + vector.metrics().get(metric))
                .collect(Collectors.joining("/", vector.version().prefix() + "/", ""));
        return Cvss.fromVector(base).calculateScore().getBaseScore();
    }
}
