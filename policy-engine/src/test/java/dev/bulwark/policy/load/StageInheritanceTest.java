package dev.bulwark.policy.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.model.Stage;
import dev.bulwark.policy.vuln.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StageInheritanceTest {

    private static Policy policy(String stages) {
        String yaml = "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: t}\nstages:\n" + stages;
        return new PolicyLoader().parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
    }

    @Test
    void aStageInheritsEveryRuleItDoesNotSetItself() {
        Policy policy = policy("""
                  - name: dev
                    gate: {severity: {fail: critical, warn: high}, fixableOnly: true, image: {runAsRoot: warn}}
                  - name: prod
                    extends: dev
                    gate: {severity: {fail: high}, image: {endOfLifeDistro: fail}}
                """);

        Stage prod = policy.stage("prod");

        assertThat(prod.gate().severity().fail()).isEqualTo(Severity.HIGH);
        assertThat(prod.gate().severity().warn()).as("inherited within the same rule").isEqualTo(Severity.HIGH);
        assertThat(prod.gate().countsOnlyFixable()).isTrue();
        assertThat(prod.gate().image().runAsRoot()).isEqualTo(Action.WARN);
        assertThat(prod.gate().image().endOfLifeDistro()).isEqualTo(Action.FAIL);
        assertThat(prod.lineage()).containsExactly("dev");
    }

    @Test
    void inheritanceFollowsAChainOfStagesNearestFirst() {
        Policy policy = policy("""
                  - {name: dev, gate: {cvss: {warn: 4.0}}}
                  - {name: test, extends: dev, gate: {cvss: {fail: 9.0}}}
                  - {name: prod, extends: test, gate: {cvss: {fail: 7.0}}}
                """);

        Stage prod = policy.stage("prod");

        assertThat(prod.gate().cvss().fail()).isEqualTo(7.0);
        assertThat(prod.gate().cvss().warn()).isEqualTo(4.0);
        assertThat(prod.lineage()).containsExactly("test", "dev");
        assertThat(prod.order()).isEqualTo(2);
        assertThat(policy.nextStage("test")).contains("prod");
        assertThat(policy.nextStage("prod")).isEmpty();
    }

    @Test
    void aStageCanRelaxWhatItInherits() {
        Policy policy = policy("""
                  - {name: base, gate: {fixableOnly: true}}
                  - {name: prod, extends: base, gate: {fixableOnly: false}}
                """);

        assertThat(policy.stage("prod").gate().countsOnlyFixable()).isFalse();
    }
}
