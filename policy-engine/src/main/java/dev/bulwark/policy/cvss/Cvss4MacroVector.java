package dev.bulwark.policy.cvss;

import java.util.stream.Stream;

/**
 * A CVSS v4.0 MacroVector: the level of a vector in each of the six equivalence sets EQ1 to EQ6 of the
 * specification, 0 being the most severe level. Every vector of one MacroVector shares its lookup score.
 *
 * <p>The components may name a level one past the lowest (for example EQ1 = 3) when asking for the next lower
 * MacroVector; such a MacroVector has no score in {@link Cvss4LookupTable}.
 *
 * @param eq1 exploitability: AV, PR, UI (0 to 2)
 * @param eq2 complexity: AC, AT (0 to 1)
 * @param eq3 vulnerable system impact: VC, VI, VA (0 to 2)
 * @param eq4 subsequent system impact: SC, SI, SA, with Safety (0 to 2)
 * @param eq5 exploit maturity: E (0 to 2)
 * @param eq6 security requirements against vulnerable system impact: CR/VC, IR/VI, AR/VA (0 to 1)
 */
record Cvss4MacroVector(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {

    Cvss4MacroVector {
        if (Stream.of(eq1, eq2, eq3, eq4, eq5, eq6).anyMatch(level -> level < 0)) {
            throw new IllegalArgumentException("MacroVector levels cannot be negative: " + eq1 + eq2 + eq3 + eq4 + eq5 + eq6);
        }
    }

    /** The MacroVector of a vector's effective metrics, with the level constraints of the specification's EQ tables. */
    static Cvss4MacroVector of(Cvss4Metrics m) {
        return new Cvss4MacroVector(eq1(m), eq2(m), eq3(m), eq4(m), eq5(m), eq6(m));
    }

    /** The six levels as the lookup table writes them, such as {@code 002201}. */
    String key() {
        return "" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6;
    }

    /** This MacroVector with the given amounts added to its levels: a step towards lower severity. */
    Cvss4MacroVector lower(int d1, int d2, int d3, int d4, int d5, int d6) {
        return new Cvss4MacroVector(eq1 + d1, eq2 + d2, eq3 + d3, eq4 + d4, eq5 + d5, eq6 + d6);
    }

    private static int eq1(Cvss4Metrics m) {
        boolean av = m.is("AV", "N");
        boolean pr = m.is("PR", "N");
        boolean ui = m.is("UI", "N");
        if (av && pr && ui) {
            return 0;
        }
        return (av || pr || ui) && !m.is("AV", "P") ? 1 : 2;
    }

    private static int eq2(Cvss4Metrics m) {
        return m.is("AC", "L") && m.is("AT", "N") ? 0 : 1;
    }

    private static int eq3(Cvss4Metrics m) {
        if (m.is("VC", "H") && m.is("VI", "H")) {
            return 0;
        }
        return m.is("VC", "H") || m.is("VI", "H") || m.is("VA", "H") ? 1 : 2;
    }

    private static int eq4(Cvss4Metrics m) {
        if (m.is("SI", "S") || m.is("SA", "S")) {
            return 0;
        }
        return m.is("SC", "H") || m.is("SI", "H") || m.is("SA", "H") ? 1 : 2;
    }

    private static int eq5(Cvss4Metrics m) {
        return switch (m.get("E")) {
            case "A" -> 0;
            case "P" -> 1;
            case "U" -> 2;
            default -> throw new IllegalArgumentException("E:" + m.get("E") + " is not an effective Exploit Maturity");
        };
    }

    private static int eq6(Cvss4Metrics m) {
        boolean high = m.is("CR", "H") && m.is("VC", "H")
                || m.is("IR", "H") && m.is("VI", "H")
                || m.is("AR", "H") && m.is("VA", "H");
        return high ? 0 : 1;
    }
}
