package dev.bulwark.policy.cvss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric values CVSS v4.0 scoring works with, derived from a vector's metrics as the specification says:
 * a modified base metric ({@code MAV}, {@code MSI}, ...) replaces its base metric unless it is Not Defined, and
 * the metrics whose Not Defined value means "assume the worst" take that value: Exploit Maturity {@code X} counts
 * as Attacked, the security requirements {@code CR}, {@code IR}, {@code AR} as High.
 *
 * @param values the effective value of each metric in {@link #SCORED}
 */
record Cvss4Metrics(Map<String, String> values) {

    /** The metrics that take part in scoring, in the order the severity distances are taken. */
    static final List<String> SCORED =
            List.of("AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR", "E");

    /** Severity levels in tenths; 0 is the most severe value, each step away one tenth of "severity distance". */
    private static final Map<String, Map<String, Integer>> LEVELS = Map.ofEntries(
            Map.entry("AV", Map.of("N", 0, "A", 1, "L", 2, "P", 3)),
            Map.entry("PR", Map.of("N", 0, "L", 1, "H", 2)),
            Map.entry("UI", Map.of("N", 0, "P", 1, "A", 2)),
            Map.entry("AC", Map.of("L", 0, "H", 1)),
            Map.entry("AT", Map.of("N", 0, "P", 1)),
            Map.entry("VC", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("VI", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("VA", Map.of("H", 0, "L", 1, "N", 2)),
            Map.entry("SC", Map.of("H", 1, "L", 2, "N", 3)),
            Map.entry("SI", Map.of("S", 0, "H", 1, "L", 2, "N", 3)),
            Map.entry("SA", Map.of("S", 0, "H", 1, "L", 2, "N", 3)),
            Map.entry("CR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("IR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("AR", Map.of("H", 0, "M", 1, "L", 2)),
            Map.entry("E", Map.of("A", 0, "P", 1, "U", 2)));

    private static final Map<String, String> WORST_CASE_FOR_NOT_DEFINED = Map.of("E", "A", "CR", "H", "IR", "H", "AR", "H");

    Cvss4Metrics {
        values = Map.copyOf(values);
    }

    /** The effective values of a validated v4.0 vector's metrics (absent optional metrics count as {@code X}). */
    static Cvss4Metrics effective(Map<String, String> vector) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String metric : SCORED) {
            String modified = vector.getOrDefault("M" + metric, "X");
            String value = modified.equals("X") ? vector.getOrDefault(metric, "X") : modified;
            values.put(metric, value.equals("X") ? WORST_CASE_FOR_NOT_DEFINED.getOrDefault(metric, "X") : value);
        }
        return new Cvss4Metrics(values);
    }

    /** The effective value of a scored metric. */
    String get(String metric) {
        return values.get(metric);
    }

    /** Whether the scored metric has the value. */
    boolean is(String metric, String value) {
        return value.equals(values.get(metric));
    }

    /** The severity level, in tenths, of this metric's effective value. */
    int level(String metric) {
        return level(metric, get(metric));
    }

    /** The severity level, in tenths, of a value of a scored metric. */
    static int level(String metric, String value) {
        Integer level = LEVELS.get(metric).get(value);
        if (level == null) {
            throw new IllegalArgumentException(metric + ":" + value + " has no CVSS v4.0 severity level");
        }
        return level;
    }
}
