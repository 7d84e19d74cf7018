package dev.bulwark.policy.cvss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CVSS v4.0 scores, computed as the "CVSS v4.0 Scoring" section of the FIRST specification describes:
 *
 * <ol>
 *   <li>the vector's MacroVector (EQ1 to EQ6) gives the score of its highest-severity vector, from the lookup table;</li>
 *   <li>the vector's severity distance from a highest-severity vector of its MacroVector is measured per group;</li>
 *   <li>each group whose next lower MacroVector exists moves the score towards that MacroVector's score by the
 *       share of the group's depth the distance covers; the mean of these moves is subtracted;</li>
 *   <li>the result is kept within 0.0 to 10.0 and rounded half up to one decimal.</li>
 * </ol>
 *
 * <p>A vector with no impact at all (VC, VI, VA, SC, SI, SA all None) scores 0.0.
 */
final class Cvss4Scorer {

    /**
     * Lifts a score that floating point put a hair below a tie (8.549999… for 8.55) over it before rounding, as
     * the FIRST reference calculator does since its 2024-11 rounding fix. Genuine scores are rationals whose
     * distinct values lie at least ~8e-6 apart, so the lift never moves a score that is not a tie.
     */
    private static final double TIE_EPSILON = 1e-6;
    private static final List<String> IMPACTS = List.of("VC", "VI", "VA", "SC", "SI", "SA");

    private Cvss4Scorer() {
    }

    /** The score of validated v4.0 metrics; absent threat and environmental metrics count as Not Defined. */
    static double score(Map<String, String> vectorMetrics) {
        Cvss4Metrics metrics = Cvss4Metrics.effective(vectorMetrics);
        if (IMPACTS.stream().allMatch(impact -> metrics.is(impact, "N"))) {
            return 0.0;
        }
        Cvss4MacroVector macroVector = Cvss4MacroVector.of(metrics);
        double highest = scoreOf(macroVector);
        Map<String, Integer> distances = distancesToHighest(metrics, macroVector);
        double moves = 0;
        int groupsWithLower = 0;
        for (Cvss4Equivalence group : Cvss4Equivalence.values()) {
            Double lower = nextLowerScore(group, macroVector);
            if (lower != null) {
                int distance = group.metrics().stream().mapToInt(distances::get).sum();
                moves += (highest - lower) * distance / group.depth(macroVector);
                groupsWithLower++;
            }
        }
        double mean = groupsWithLower == 0 ? 0 : moves / groupsWithLower;
        return roundHalfUp(Math.max(0, Math.min(10, highest - mean)));
    }

    private static double scoreOf(Cvss4MacroVector macroVector) {
        return Cvss4LookupTable.score(macroVector).orElseThrow(() -> new IllegalStateException(
                "MacroVector " + macroVector.key() + " has no score in the CVSS v4.0 lookup table"));
    }

    /** The score of the next lower MacroVector in the group (the higher one where there are two), or null. */
    private static Double nextLowerScore(Cvss4Equivalence group, Cvss4MacroVector macroVector) {
        return group.nextLower(macroVector).stream()
                .map(Cvss4LookupTable::score)
                .flatMap(Optional::stream)
                .max(Double::compare)
                .orElse(null);
    }

    /**
     * The severity distance, per scored metric, from the first combination of highest-severity partial vectors
     * (EQ1, EQ2, EQ3+EQ6, EQ4, EQ5, in the reference calculator's order) that is at least as severe as the vector
     * in every metric. Should none be, the last combination is used, as the reference calculator does.
     */
    static Map<String, Integer> distancesToHighest(Cvss4Metrics metrics, Cvss4MacroVector macroVector) {
        Map<String, Integer> distances = Map.of();
        for (Map<String, String> highest : combinations(macroVector)) {
            distances = new LinkedHashMap<>();
            for (String metric : Cvss4Metrics.SCORED) {
                distances.put(metric, metrics.level(metric) - Cvss4Metrics.level(metric, highest.get(metric)));
            }
            if (distances.values().stream().allMatch(distance -> distance >= 0)) {
                break;
            }
        }
        return distances;
    }

    private static List<Map<String, String>> combinations(Cvss4MacroVector macroVector) {
        List<Map<String, String>> combinations = List.of(Map.of());
        for (Cvss4Equivalence group : Cvss4Equivalence.values()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> prefix : combinations) {
                for (Map<String, String> part : group.highestVectors(macroVector)) {
                    Map<String, String> combined = new LinkedHashMap<>(prefix);
                    combined.putAll(part);
                    extended.add(combined);
                }
            }
            combinations = extended;
        }
        return combinations;
    }

    private static double roundHalfUp(double score) {
        return Math.floor((score + TIE_EPSILON) * 10 + 0.5) / 10;
    }
}
