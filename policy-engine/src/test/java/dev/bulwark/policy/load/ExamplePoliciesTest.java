package dev.bulwark.policy.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.model.Stage;
import dev.bulwark.policy.runtime.Response;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.vuln.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample policies in examples/policies are valid and mean what their comments say. */
class ExamplePoliciesTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("bulwark.examples",
            Path.of("..", "examples", "policies").toString()));

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void strictPolicyTightensEveryStageTowardsProduction() {
        Policy policy = loader.load(EXAMPLES.resolve("production-strict.yaml"));

        assertThat(policy.stageNames()).containsExactly("dev", "test", "staging", "production");
        Stage dev = policy.stage("dev");
        Stage production = policy.stage("production");
        assertThat(dev.gate().severity().fail()).isEqualTo(Severity.CRITICAL);
        assertThat(production.gate().severity().fail()).isEqualTo(Severity.HIGH);
        assertThat(production.lineage()).containsExactly("staging", "test", "dev");
        assertThat(production.gate().countsOnlyFixable()).isFalse();
        assertThat(production.gate().cvss().fail()).isEqualTo(7.0);
        assertThat(production.gate().image().runAsRoot()).isEqualTo(Action.FAIL);
        assertThat(production.gate().image().maxSizeMb().limit()).isEqualTo(800);
        assertThat(production.gate().deniedPackages().packages()).hasSize(2);
        assertThat(policy.runtime().defaultMode()).isEqualTo(RuntimeMode.MONITOR);
        assertThat(policy.runtime().responses()).endsWith(Response.STOP);
        assertThat(policy.runtime().admission().allowsPrivileged()).isFalse();
    }

    @Test
    void lenientPolicyOnlyFailsOnFixableCriticals() {
        Policy policy = loader.load(EXAMPLES.resolve("dev-lenient.yaml"));

        Stage test = policy.stage("test");
        assertThat(test.gate().severity().fail()).isEqualTo(Severity.CRITICAL);
        assertThat(test.gate().countsOnlyFixable()).isTrue();
        assertThat(test.gate().image().runAsRoot()).isEqualTo(Action.WARN);
        assertThat(policy.runtime().defaultMode()).isEqualTo(RuntimeMode.LEARN);
    }
}
