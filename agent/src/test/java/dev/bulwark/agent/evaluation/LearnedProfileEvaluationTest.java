package dev.bulwark.agent.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of learned profiles, measured by the evaluation harness on real Debian services: in protect mode
 * every scripted attack is blocked and the benign run draws no block. It prints the harness's report; the longer run
 * is {@code testing/bench/profiles.sh}.
 */
@Tag("evaluation")
class LearnedProfileEvaluationTest {

    @TempDir
    Path work;

    @Test
    void blocksEveryScriptedAttackWithoutBlockingBenignTraffic() throws Exception {
        EvaluationReport report = new ProfileEvaluation(Path.of("..").toAbsolutePath().normalize(),
                ProfileEvaluation.Settings.chosen(), line -> System.out.println("[harness] " + line)).run(work);
        String text = report.text();
        System.out.println(text);
        Files.writeString(Path.of("target", "profile-evaluation.txt"), text);

        assertThat(report.unconverged()).as("services whose profile did not converge").isEmpty();
        assertThat(report.attacks()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(report.attacks()).allSatisfy(attack -> assertThat(attack.blocked()).as(attack.name() + " blocked").isTrue());
        assertThat(report.falseBlocks()).as("blocks during the benign run").isEmpty();
    }
}
