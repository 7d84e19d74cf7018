package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.cvss.CvssVector;
import dev.bulwark.policy.cvss.InvalidCvssVectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The CVSS base score of a Trivy vulnerability, from its {@code CVSS} object, which holds one entry per source
 * ({@code nvd}, {@code ghsa}, {@code redhat}, …), each with {@code V3Vector}/{@code V3Score} and, since CVSS 4.0
 * reached the advisory databases, {@code V40Vector}/{@code V40Score}.
 *
 * <p>The entry of the {@code SeveritySource} comes first, so the score agrees with the severity Trivy chose; then
 * {@code nvd}, the source most policies' thresholds were written against; then the others in the report's order.
 * The first entry with a score gives it. Within an entry a v3 score beats a v4.0 one, and a given score beats one
 * computed from the vector; a vector alone is scored with {@link CvssVector}. CVSS v2 is not used.
 */
final class TrivyCvss {

    private TrivyCvss() {
    }

    static OptionalDouble score(TrivyNode vulnerability, Optional<String> severitySource) {
        for (TrivyNode entry : inPreferenceOrder(vulnerability.members("CVSS"), severitySource)) {
            OptionalDouble score = scoreOf(entry);
            if (score.isPresent()) {
                return score;
            }
        }
        return OptionalDouble.empty();
    }

    private static List<TrivyNode> inPreferenceOrder(List<Map.Entry<String, TrivyNode>> entries, Optional<String> source) {
        List<TrivyNode> first = new ArrayList<>();
        List<TrivyNode> nvd = new ArrayList<>();
        List<TrivyNode> rest = new ArrayList<>();
        for (Map.Entry<String, TrivyNode> entry : entries) {
            if (source.isPresent() && entry.getKey().equals(source.get())) {
                first.add(entry.getValue());
            } else if (entry.getKey().equals("nvd")) {
                nvd.add(entry.getValue());
            } else {
                rest.add(entry.getValue());
            }
        }
        first.addAll(nvd);
        first.addAll(rest);
        return first;
    }

    private static OptionalDouble scoreOf(TrivyNode entry) {
        for (String version : new String[] {"V3", "V40"}) {
            Optional<Double> given = entry.number(version + "Score").filter(score -> score > 0.0);
            if (given.isPresent()) {
                return OptionalDouble.of(checked(entry, version + "Score", given.get()));
            }
            Optional<String> vector = entry.text(version + "Vector");
            if (vector.isPresent()) {
                return OptionalDouble.of(computed(entry, version + "Vector", vector.get()));
            }
        }
        return OptionalDouble.empty();
    }

    private static double checked(TrivyNode entry, String field, double score) {
        if (score > 10.0) {
            throw entry.problemAt(field, "CVSS score " + score + " is above 10.0: the report is damaged; re-run trivy");
        }
        return score;
    }

    private static double computed(TrivyNode entry, String field, String vector) {
        try {
            return CvssVector.parse(vector).baseScore();
        } catch (InvalidCvssVectorException e) {
            throw entry.problemAt(field, e.getMessage() + "; fix or remove the vector, or re-run trivy", e);
        }
    }
}
