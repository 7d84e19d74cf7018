package dev.bulwark.policy.cvss;

import java.util.Map;

/**
 * An independent test oracle: the CVSS v3.1 Base Score exactly as written in sections 7.1 and 7.4 of the FIRST
 * v3.1 specification, with the Roundup of its Appendix A (round the input times 100,000 to the nearest integer,
 * then round up with integer arithmetic). Used only to check the library Bulwark delegates to.
 */
final class Cvss31BaseFormula {

    private Cvss31BaseFormula() {
    }

    static double baseScore(Map<String, String> m) {
        boolean changed = m.get("S").equals("C");
        double iss = 1 - (1 - impact(m.get("C"))) * (1 - impact(m.get("I"))) * (1 - impact(m.get("A")));
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * attackVector(m.get("AV")) * (m.get("AC").equals("L") ? 0.77 : 0.44)
                * privileges(m.get("PR"), changed) * (m.get("UI").equals("N") ? 0.85 : 0.62);
        if (impact <= 0) {
            return 0;
        }
        return roundup(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
    }

    static double roundup(double input) {
        long intInput = Math.round(input * 100_000);
        if (intInput % 10_000 == 0) {
            return intInput / 100_000.0;
        }
        return (Math.floor(intInput / 10_000.0) + 1) / 10.0;
    }

    private static double attackVector(String value) {
        return switch (value) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double privileges(String value, boolean changed) {
        return switch (value) {
            case "N" -> 0.85;
            case "L" -> changed ? 0.68 : 0.62;
            default -> changed ? 0.5 : 0.27;
        };
    }

    private static double impact(String value) {
        return switch (value) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0;
        };
    }
}
