package dev.bulwark.agent.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of learned profiles, measured by the evaluation harness on real Debian services: in protect mode
 * every scripted attack and evasion is stopped by the evidence its script names, and benign traffic held out from
 * learning draws neither a block nor an alert. The health checks' programs are learned as health checks, never as the
 * services' own (batch is left out: its own jobs run the shell its health check runs). It prints the harness's report;
 * the longer run, nearer production's thresholds, is {@code testing/bench/profiles.sh}.
 */
@Tag("evaluation")
class LearnedProfileEvaluationTest {

    @TempDir
    Path work;

    @Test
    void stopsEveryAttackByItsExpectedEvidenceWithoutAFalseBlockOrAlert() throws Exception {
        EvaluationReport report = new ProfileEvaluation(Path.of("..").toAbsolutePath().normalize(),
                ProfileEvaluation.Settings.chosen(), line -> System.out.println("[harness] " + line)).run(work);
        String text = report.text();
        System.out.println(text);
        Files.writeString(Path.of("target", "profile-evaluation.txt"), text);

        assertThat(report.unconverged()).as("services whose profile did not converge").isEmpty();
        assertThat(report.attacks()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(report.attacks()).allSatisfy(attack -> assertThat(attack.stopped())
                .as(attack.name() + " stopped by " + attack.expected() + "; recorded " + attack.rule()).isTrue());
        assertThat(report.falseBlocks()).as("blocks during the benign runs").isEmpty();
        assertThat(report.falseAlerts()).as("alerts during the benign runs").isEmpty();
        for (String service : java.util.List.of("nginx", "redis", "postgres", "web")) {
            assertThat(report.misattributed().getOrDefault(service, java.util.List.of()))
                    .as(service + "'s health-check programs learned as its own").isEmpty();
        }
    }
}
