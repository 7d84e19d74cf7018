package dev.bulwark.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.load.PolicyLoadException;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureQueries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate run as the Jenkins plugin hands it over: plain values in, a summary for the build page out. */
class GateJobsTest {

    @TempDir
    static Path shared;

    private static Path db;

    @TempDir
    Path workspace;

    private final StringWriter log = new StringWriter();

    @BeforeAll
    static void buildTheDatabase() {
        db = shared.resolve("vulns.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(db, List.of(Corpora.corpus("osv-ghsa/npm").toString()));
    }

    private GateJob job(String policyYaml, List<String> reports) {
        return new GateJob("bulwark-test/node", "production", "production strict", policyYaml, workspace, reports, false,
                Map.of("JIRA_API_TOKEN", "secret-token"), Optional.empty());
    }

    @Test
    void judgesWritesTheReportsIntoTheWorkspaceAndSummarises() throws Exception {
        String policy = Files.readString(Path.of("..", "examples", "policies", "production-strict.yaml"));

        GateSummary summary = GateJobs.run(job(policy, List.of("junit=reports/bulwark-junit.xml", "html=reports/bulwark.html")),
                new PrintWriter(log), "test", db, shared.resolve("outbox.db"));

        assertThat(summary.verdict()).isEqualTo("fail");
        assertThat(summary.findings()).isPositive();
        assertThat(summary.reasons()).isNotEmpty().allSatisfy(reason -> assertThat(reason).matches("(fail|warn): .+"));
        assertThat(summary.reports()).containsExactly("reports/bulwark-junit.xml", "reports/bulwark.html", "reports/bulwark-report.css");
        assertThat(workspace.resolve("reports/bulwark-report.css")).exists();
        assertThat(workspace).isDirectoryContaining("glob:**/.bulwark-policy-production_strict.yaml");
        assertThat(log.toString()).contains("reading bulwark-test/node:latest").doesNotContain("secret-token");
        try (PostureDatabase posture = PostureDatabase.open(StateDirectory.posture())) {
            assertThat(new PostureQueries(posture).verdicts()).as("kept in the machine's posture store, %s", StateDirectory.posture())
                    .anySatisfy(verdict -> {
                        assertThat(verdict.stage()).isEqualTo("production");
                        assertThat(verdict.verdict()).isEqualTo("fail");
                        assertThat(verdict.policy()).isEqualTo("production-strict");
                    });
        }
    }

    @Test
    void refusesAPolicyThatIsNotValidBeforeScanning() {
        assertThatThrownBy(() -> GateJobs.run(job("apiVersion: bulwark.dev/v1\nkind: Nonsense\n", List.of()), new PrintWriter(log),
                "test", db, shared.resolve("outbox.db"))).isInstanceOf(PolicyLoadException.class);
        assertThat(log.toString()).doesNotContain("reading");
    }

    @Test
    void keepsSecretsOutOfItsOwnText() {
        assertThat(job("x", List.of()).toString()).contains("JIRA_API_TOKEN").doesNotContain("secret-token");
    }

    @Test
    void turnsAVerdictIntoTheBuildResultAsConfiguredAndNeverPassesAFail() {
        assertThat(BuildResult.after("pass", BuildResult.FAILURE, BuildResult.FAILURE)).isEqualTo(BuildResult.SUCCESS);
        assertThat(BuildResult.after("warn", BuildResult.UNSTABLE, BuildResult.FAILURE)).isEqualTo(BuildResult.UNSTABLE);
        assertThat(BuildResult.after("warn", BuildResult.SUCCESS, BuildResult.FAILURE)).isEqualTo(BuildResult.SUCCESS);
        assertThat(BuildResult.after("fail", BuildResult.UNSTABLE, BuildResult.UNSTABLE)).isEqualTo(BuildResult.UNSTABLE);
        assertThatThrownBy(() -> BuildResult.after("fail", BuildResult.UNSTABLE, BuildResult.SUCCESS)).hasMessageContaining("cannot leave");
        assertThatThrownBy(() -> BuildResult.parse("green")).hasMessageContaining("SUCCESS, UNSTABLE, FAILURE");
        assertThat(BuildResult.parse(" unstable ")).isEqualTo(BuildResult.UNSTABLE);
    }
}
