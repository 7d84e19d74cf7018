package dev.bulwark.policy.cvss;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of equivalence sets CVSS v4.0 interpolates over (EQ3 and EQ6 are taken together), with the
 * specification data each needs: the highest-severity partial vectors of each level, and each level's depth,
 * the largest severity distance inside it plus one. Data values are those of the FIRST reference calculator
 * (cvss40.js {@code MAX_COMPOSED} and {@code MAX_SEVERITY}).
 */
enum Cvss4Equivalence {
    EQ1("AV", "PR", "UI"),
    EQ2("AC", "AT"),
    EQ3_EQ6("VC", "VI", "VA", "CR", "IR", "AR"),
    EQ4("SC", "SI", "SA"),
    EQ5("E");

    private static final Map<String, List<String>> HIGHEST = Map.ofEntries(
            Map.entry("EQ1 0", List.of("AV:N/PR:N/UI:N")),
            Map.entry("EQ1 1", List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P")),
            Map.entry("EQ1 2", List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P")),
            Map.entry("EQ2 0", List.of("AC:L/AT:N")),
            Map.entry("EQ2 1", List.of("AC:H/AT:N", "AC:L/AT:P")),
            Map.entry("EQ3_EQ6 00", List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H")),
            Map.entry("EQ3_EQ6 01", List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M")),
            Map.entry("EQ3_EQ6 10", List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H")),
            Map.entry("EQ3_EQ6 11", List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                    "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M")),
            Map.entry("EQ3_EQ6 21", List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H")),
            Map.entry("EQ4 0", List.of("SC:H/SI:S/SA:S")),
            Map.entry("EQ4 1", List.of("SC:H/SI:H/SA:H")),
            Map.entry("EQ4 2", List.of("SC:L/SI:L/SA:L")),
            Map.entry("EQ5 0", List.of("E:A")),
            Map.entry("EQ5 1", List.of("E:P")),
            Map.entry("EQ5 2", List.of("E:U")));

    private static final Map<String, Integer> DEPTH = Map.ofEntries(
            Map.entry("EQ1 0", 1), Map.entry("EQ1 1", 4), Map.entry("EQ1 2", 5),
            Map.entry("EQ2 0", 1), Map.entry("EQ2 1", 2),
            Map.entry("EQ3_EQ6 00", 7), Map.entry("EQ3_EQ6 01", 6), Map.entry("EQ3_EQ6 10", 8),
            Map.entry("EQ3_EQ6 11", 8), Map.entry("EQ3_EQ6 21", 10),
            Map.entry("EQ4 0", 6), Map.entry("EQ4 1", 5), Map.entry("EQ4 2", 4),
            Map.entry("EQ5 0", 1), Map.entry("EQ5 1", 1), Map.entry("EQ5 2", 1));

    private final List<String> metrics;

    Cvss4Equivalence(String... metrics) {
        this.metrics = List.of(metrics);
    }

    /** The metrics whose severity distances this group sums. */
    List<String> metrics() {
        return metrics;
    }

    /** The highest-severity values of this group's metrics for the MacroVector's level, in the reference order. */
    List<Map<String, String>> highestVectors(Cvss4MacroVector macroVector) {
        return HIGHEST.get(levelKey(macroVector)).stream().map(Cvss4Equivalence::metricsOf).toList();
    }

    /** The depth of the MacroVector's level in this group, in tenths of severity distance. */
    int depth(Cvss4MacroVector macroVector) {
        return DEPTH.get(levelKey(macroVector));
    }

    /**
     * The MacroVectors one step lower in this group only. EQ3 and EQ6 step together: 00 has two neighbours
     * (01 and 10, the higher-scoring one counts), 01 and 10 step to 11, 11 to 21, and 21 has none that exists.
     */
    List<Cvss4MacroVector> nextLower(Cvss4MacroVector mv) {
        return switch (this) {
            case EQ1 -> List.of(mv.lower(1, 0, 0, 0, 0, 0));
            case EQ2 -> List.of(mv.lower(0, 1, 0, 0, 0, 0));
            case EQ4 -> List.of(mv.lower(0, 0, 0, 1, 0, 0));
            case EQ5 -> List.of(mv.lower(0, 0, 0, 0, 1, 0));
            case EQ3_EQ6 -> nextLowerEq3Eq6(mv);
        };
    }

    private static List<Cvss4MacroVector> nextLowerEq3Eq6(Cvss4MacroVector mv) {
        if (mv.eq3() == 0 && mv.eq6() == 0) {
            return List.of(mv.lower(0, 0, 0, 0, 0, 1), mv.lower(0, 0, 1, 0, 0, 0));
        }
        if (mv.eq3() == 1 && mv.eq6() == 0) {
            return List.of(mv.lower(0, 0, 0, 0, 0, 1));
        }
        if (mv.eq3() == 2) {
            return List.of(mv.lower(0, 0, 1, 0, 0, 1));
        }
        return List.of(mv.lower(0, 0, 1, 0, 0, 0));
    }

    private String levelKey(Cvss4MacroVector mv) {
        String level = switch (this) {
            case EQ1 -> "" + mv.eq1();
            case EQ2 -> "" + mv.eq2();
            case EQ3_EQ6 -> "" + mv.eq3() + mv.eq6();
            case EQ4 -> "" + mv.eq4();
            case EQ5 -> "" + mv.eq5();
        };
        return name() + " " + level;
    }

    private static Map<String, String> metricsOf(String partialVector) {
        Map<String, String> values = new LinkedHashMap<>();
        Arrays.stream(partialVector.split("/")).map(m -> m.split(":")).forEach(kv -> values.put(kv[0], kv[1]));
        return values;
    }
}
