package dev.bulwark.policy.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cvss4MacroVectorTest {

    @ParameterizedTest(name = "{0} is MacroVector {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # EQ1: all of AV:N, PR:N, UI:N -> 0; any of them but not AV:P -> 1; else 2
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N             | 000200
        CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N             | 100200
        CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N             | 200200
        CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N             | 200200
        # EQ2: AC:L and AT:N -> 0, else 1
        CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N             | 010200
        # EQ3: VC:H and VI:H -> 0; any other H -> 1; no H -> 2 (and EQ6 is then 1: no High requirement meets a High impact)
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N             | 001200
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N             | 002201
        # EQ4: Safety (MSI:S or MSA:S) -> 0; any subsequent H -> 1; else 2
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:L/SA:N/MSA:S       | 000000
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:H/SA:N             | 000100
        # EQ5: E:A or Not Defined -> 0, E:P -> 1, E:U -> 2
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P         | 000210
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U         | 000220
        # EQ6: a High requirement (Not Defined counts as High) on a High impact -> 0, else 1
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:M/IR:M   | 000200
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:M/IR:M/AR:L | 000201
        # Modified base metrics replace base metrics
        CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:P/MAC:H | 210200
        """)
    void placesAVectorInTheEquivalenceSetLevelsOfTheSpecification(String vector, String macroVector) {
        Cvss4Metrics metrics = Cvss4Metrics.effective(CvssVector.parse(vector).metrics());

        assertThat(Cvss4MacroVector.of(metrics).key()).isEqualTo(macroVector);
    }
}
