package dev.bulwark.policy.cvss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics each CVSS version defines, with their allowed values in the specification's order: v3.x from
 * Table 15 of the v3.1 specification (v3.0 defines the same metrics), v4.0 from the vector string section of
 * the v4.0 specification. The base metrics are mandatory; every other metric is optional and {@code X}
 * (Not Defined) when absent.
 */
final class CvssMetrics {

    private static final String HLN = "H L N";
    private static final String REQUIREMENT = "X H M L";

    private static final Map<String, List<String>> V3 = table(
            "AV", "N A L P", "AC", "L H", "PR", "N L H", "UI", "N R", "S", "U C", "C", HLN, "I", HLN, "A", HLN,
            "E", "X H F P U", "RL", "X U W T O", "RC", "X C R U",
            "CR", REQUIREMENT, "IR", REQUIREMENT, "AR", REQUIREMENT,
            "MAV", "X N A L P", "MAC", "X L H", "MPR", "X N L H", "MUI", "X N R", "MS", "X U C",
            "MC", "X N L H", "MI", "X N L H", "MA", "X N L H");

    private static final Map<String, List<String>> V4 = table(
            "AV", "N A L P", "AC", "L H", "AT", "N P", "PR", "N L H", "UI", "N P A",
            "VC", HLN, "VI", HLN, "VA", HLN, "SC", HLN, "SI", HLN, "SA", HLN,
            "E", "X A P U",
            "CR", REQUIREMENT, "IR", REQUIREMENT, "AR", REQUIREMENT,
            "MAV", "X N A L P", "MAC", "X L H", "MAT", "X N P", "MPR", "X N L H", "MUI", "X N P A",
            "MVC", "X H L N", "MVI", "X H L N", "MVA", "X H L N", "MSC", "X H L N",
            "MSI", "X S H L N", "MSA", "X S H L N",
            "S", "X N P", "AU", "X N Y", "R", "X A U I", "V", "X D C", "RE", "X L M H",
            "U", "X Clear Green Amber Red");

    private static final List<String> V3_BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
    private static final List<String> V4_BASE = List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
    private static final List<String> V4_SUPPLEMENTAL = List.of("S", "AU", "R", "V", "RE", "U");

    private CvssMetrics() {
    }

    /** Every metric of the version, in specification order, with its allowed values. */
    static Map<String, List<String>> allowedValues(CvssVersion version) {
        return version.isV3() ? V3 : V4;
    }

    /** The mandatory base metrics of the version, in specification order. */
    static List<String> baseMetrics(CvssVersion version) {
        return version.isV3() ? V3_BASE : V4_BASE;
    }

    /** Whether the metric leaves every score unchanged (the v4.0 supplemental metrics). */
    static boolean isSupplemental(CvssVersion version, String metric) {
        return !version.isV3() && V4_SUPPLEMENTAL.contains(metric);
    }

    /** A complete base vector of the version, for error messages that show the accepted form. */
    static String example(CvssVersion version) {
        return version.isV3()
                ? version.prefix() + "/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
                : version.prefix() + "/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    }

    private static Map<String, List<String>> table(String... metricThenValues) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < metricThenValues.length; i += 2) {
            table.put(metricThenValues[i], List.of(metricThenValues[i + 1].split(" ")));
        }
        return Collections.unmodifiableMap(table);
    }
}
