package dev.bulwark.policy.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cvss4LookupTableTest {

    @Test
    void scoresEveryMacroVectorThatCanOccurAndNoOther() {
        List<String> reachable = new ArrayList<>();
        for (int eq1 = 0; eq1 <= 2; eq1++) {
            for (int eq2 = 0; eq2 <= 1; eq2++) {
                for (int eq3 = 0; eq3 <= 2; eq3++) {
                    for (int eq4 = 0; eq4 <= 2; eq4++) {
                        for (int eq5 = 0; eq5 <= 2; eq5++) {
                            for (int eq6 = eq3 == 2 ? 1 : 0; eq6 <= 1; eq6++) {
                                reachable.add(new Cvss4MacroVector(eq1, eq2, eq3, eq4, eq5, eq6).key());
                            }
                        }
                    }
                }
            }
        }

        assertThat(Cvss4LookupTable.all().keySet()).containsExactlyInAnyOrderElementsOf(reachable).hasSize(270);
    }

    @Test
    void ranksTheMostSevereMacroVectorTenAndTheLeastSevereOneTenth() {
        assertThat(Cvss4LookupTable.score(new Cvss4MacroVector(0, 0, 0, 0, 0, 0))).contains(10.0);
        assertThat(Cvss4LookupTable.score(new Cvss4MacroVector(2, 1, 2, 2, 2, 1))).contains(0.1);
        assertThat(Cvss4LookupTable.all().values()).allSatisfy(score -> assertThat(score).isBetween(0.1, 10.0));
    }

    @Test
    void hasNoScoreForALevelPastTheLowest() {
        assertThat(Cvss4LookupTable.score(new Cvss4MacroVector(3, 0, 0, 0, 0, 0))).isEmpty();
        assertThat(Cvss4LookupTable.score(new Cvss4MacroVector(0, 0, 2, 0, 0, 0))).isEmpty();
    }
}
