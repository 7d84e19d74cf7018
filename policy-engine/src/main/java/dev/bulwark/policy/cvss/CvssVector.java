package dev.bulwark.policy.cvss;

import dev.bulwark.policy.vuln.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CVSS v3.0, v3.1 or v4.0 vector string, validated against the FIRST specification of its version, with the
 * scores the specification derives from it.
 *
 * <p>Metrics may appear in any order (the v3.1 specification allows it, and advisories in the wild reorder v4.0
 * metrics too), but each at most once, and every base metric must be present. Optional metrics that are absent
 * count as {@code X} (Not Defined).
 *
 * @param version the CVSS version named by the vector's prefix
 * @param metrics every metric the vector gives, in its order: metric abbreviation to value abbreviation
 */
public record CvssVector(CvssVersion version, Map<String, String> metrics) {

    public CvssVector {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(metrics, "metrics");
        checkMetrics(version, metrics);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Reads a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H} or
     * {@code CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N}.
     *
     * @throws InvalidCvssVectorException naming the wrong prefix, the malformed, unknown, repeated or missing
     *                                    metric, or the unknown value, and showing the accepted form
     */
    public static CvssVector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCvssVectorException("CVSS vector is empty: write one such as "
                    + CvssMetrics.example(CvssVersion.V3_1) + " or " + CvssMetrics.example(CvssVersion.V4_0));
        }
        String vector = text.strip();
        int slash = vector.indexOf('/');
        String prefix = slash < 0 ? vector : vector.substring(0, slash);
        CvssVersion version = CvssVersion.ofPrefix(prefix).orElseThrow(() -> unknownPrefix(vector, prefix));
        try {
            return new CvssVector(version, metricsOf(slash < 0 ? "" : vector.substring(slash + 1)));
        } catch (InvalidCvssVectorException e) {
            throw new InvalidCvssVectorException("Invalid CVSS vector '" + vector + "': " + e.getMessage(), e);
        }
    }

    /**
     * The base score, 0.0 to 10.0, rounded as the version's specification says: for v3.x the Base Score of
     * section 7.1 with the Roundup of Appendix A (v3.1); for v4.0 the CVSS-B score, which ignores any threat and
     * environmental metrics in the vector and takes them as Not Defined.
     */
    public double baseScore() {
        return version.isV3() ? Cvss3Scorer.baseScore(this) : Cvss4Scorer.score(baseMetrics());
    }

    /**
     * The score of every metric the vector carries that Bulwark scores: for v4.0 the CVSS-B, -BT, -BE or -BTE
     * score (threat and environmental metrics applied, supplemental ones never change a score); for v3.x the
     * base score, as Bulwark does not compute v3 temporal or environmental scores.
     */
    public double score() {
        return version.isV3() ? baseScore() : Cvss4Scorer.score(metrics);
    }

    /** The qualitative band of the {@link #baseScore() base score}; a score of 0.0 (None) is {@link Severity#UNKNOWN}. */
    public Severity severity() {
        return Severity.fromScore(baseScore());
    }

    /** The value the vector gives the metric, such as {@code N} for {@code AV}, or empty when it does not give one. */
    public Optional<String> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** The vector string: the version prefix and the metrics in their original order. */
    @Override
    public String toString() {
        return metrics.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining("/", version.prefix() + "/", ""));
    }

    private Map<String, String> baseMetrics() {
        Map<String, String> base = new LinkedHashMap<>();
        CvssMetrics.baseMetrics(version).forEach(metric -> base.put(metric, metrics.get(metric)));
        return base;
    }

    private static Map<String, String> metricsOf(String body) {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : body.isEmpty() ? new String[0] : body.split("/", -1)) {
            int colon = part.indexOf(':');
            if (part.isEmpty()) {
                throw new InvalidCvssVectorException("it has an empty metric between two '/': remove the extra '/'");
            }
            if (colon <= 0 || colon == part.length() - 1 || part.indexOf(':', colon + 1) >= 0) {
                throw new InvalidCvssVectorException("'" + part + "' is not a metric: write each metric as NAME:VALUE,"
                        + " separated by '/', for example AV:N");
            }
            String metric = part.substring(0, colon);
            String value = part.substring(colon + 1);
            String earlier = metrics.putIfAbsent(metric, value);
            if (earlier != null) {
                throw new InvalidCvssVectorException("metric " + metric + " appears twice (" + metric + ":" + earlier
                        + " and " + part + "): give each metric once");
            }
        }
        return metrics;
    }

    private static void checkMetrics(CvssVersion version, Map<String, String> metrics) {
        Map<String, List<String>> allowed = CvssMetrics.allowedValues(version);
        metrics.forEach((metric, value) -> {
            List<String> values = allowed.get(metric);
            if (values == null) {
                throw new InvalidCvssVectorException("unknown metric '" + metric + "' for " + version.prefix()
                        + ": use only " + String.join(", ", allowed.keySet()));
            }
            if (!values.contains(value)) {
                String sample = values.stream().filter(v -> !v.equals("X")).findFirst().orElseThrow();
                throw new InvalidCvssVectorException("metric " + metric + " has unknown value '" + value + "': use one of "
                        + String.join(", ", values) + " (case matters), for example " + metric + ":" + sample);
            }
        });
        List<String> base = CvssMetrics.baseMetrics(version);
        List<String> missing = base.stream().filter(metric -> !metrics.containsKey(metric)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidCvssVectorException("base metric" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing: a " + version.prefix() + " vector needs all of "
                    + String.join(", ", base) + ", for example " + CvssMetrics.example(version));
        }
    }

    private static InvalidCvssVectorException unknownPrefix(String vector, String prefix) {
        String advice = prefix.startsWith("CVSS:")
                ? "version '" + prefix + "' is not supported: Bulwark reads " + CvssVersion.acceptedPrefixes()
                : "it does not start with a CVSS version prefix (CVSS v2 vectors, which have none, are not supported):"
                        + " start it with one of " + CvssVersion.acceptedPrefixes();
        return new InvalidCvssVectorException("Invalid CVSS vector '" + vector + "': " + advice
                + ", for example " + CvssMetrics.example(CvssVersion.V3_1));
    }
}
