package dev.bulwark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulwarkGateStepTest extends PipelineStepTest {

    @BeforeEach
    void loadTheLibrary() throws Exception {
        setUpPipeline();
    }

    private Object gate(Map<String, Object> args) {
        return step("bulwarkGate").invokeMethod("call", new Object[] {new HashMap<>(args)});
    }

    private static Map<String, Object> basic() {
        return Map.of("image", "registry.example.com/shop:7", "stage", "staging", "policy", "bulwark.yaml");
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> args = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            args.put((String) more[i], more[i + 1]);
        }
        return args;
    }

    @Test
    void runsTheGateWithEveryReportAndRecordsThemOnAPass() {
        exitCode = 0;

        Object result = gate(basic());

        assertThat(result).isEqualTo(Map.of("verdict", "pass", "exitCode", 0));
        assertThat(shells).singleElement().isEqualTo("'bulwark' 'gate' 'registry.example.com/shop:7' '--stage' 'staging'"
                + " '--warn-exit-code' '4' '-o' 'junit=bulwark-reports/bulwark-junit.xml' '-o' 'sarif=bulwark-reports/bulwark.sarif'"
                + " '-o' 'html=bulwark-reports/bulwark.html' '-o' 'json=bulwark-reports/bulwark.json' '--policy' 'bulwark.yaml'");
        assertThat(steps.get("junit")).singleElement().satisfies(args -> {
            assertThat(args.get("testResults")).hasToString("bulwark-reports/bulwark-junit.xml");
            assertThat(args.get("skipMarkingBuildUnstable")).isEqualTo(true);
        });
        assertThat(steps.get("recordIssues")).singleElement().satisfies(args -> assertThat(args.get("tools").toString())
                .contains("pattern=bulwark-reports/bulwark.sarif", "id=bulwark", "$kind=sarif"));
        assertThat(steps.get("archiveArtifacts")).singleElement().satisfies(args -> {
            assertThat(args.get("artifacts")).hasToString("bulwark-reports/**");
            assertThat(args.get("allowEmptyArchive")).isEqualTo(false);
        });
        assertThat(result()).isEqualTo("SUCCESS");
    }

    @Test
    void marksTheBuildUnstableOnAWarningUnlessToldOtherwise() {
        exitCode = 4;

        Object unstable = gate(basic());
        String afterDefault = result();

        assertThat(unstable).isEqualTo(Map.of("verdict", "warn", "exitCode", 4));
        assertThat(afterDefault).isEqualTo("UNSTABLE");
        assertThat(unstableMessages).singleElement().asString().contains("WARN", "bulwark-reports");
    }

    @Test
    void leavesAWarningSuccessfulOrFailsItAsConfigured() throws Exception {
        exitCode = 4;
        gate(with(basic(), "onWarn", "SUCCESS"));
        assertThat(result()).isEqualTo("SUCCESS");

        loadTheLibrary();
        exitCode = 4;
        assertThatThrownBy(() -> gate(with(basic(), "onWarn", "failure"))).hasMessageContaining("WARN");
        assertThat(result()).isEqualTo("FAILURE");
    }

    @Test
    void failsTheBuildOnAFailVerdictAfterRecordingTheReports() {
        exitCode = 1;

        assertThatThrownBy(() -> gate(basic())).hasMessageContaining("FAIL").hasMessageContaining("reasons above");

        assertThat(result()).isEqualTo("FAILURE");
        assertThat(steps).containsKeys("junit", "recordIssues", "archiveArtifacts");
    }

    @Test
    void canMarkAFailVerdictUnstableInstead() {
        exitCode = 1;

        Object result = gate(with(basic(), "onFail", "UNSTABLE"));

        assertThat(result).isEqualTo(Map.of("verdict", "fail", "exitCode", 1));
        assertThat(result()).isEqualTo("UNSTABLE");
    }

    @Test
    void failsWithTheCauseOnAScanErrorAndNeverTakesItForAVerdict() {
        exitCode = 3;

        assertThatThrownBy(() -> gate(with(basic(), "onFail", "UNSTABLE", "onWarn", "SUCCESS")))
                .hasMessageContaining("could not be scanned (exit 3)").hasMessageContaining("not a verdict");

        assertThat(result()).isEqualTo("FAILURE");
        assertThat(steps).doesNotContainKeys("junit", "recordIssues");
        assertThat(steps.get("archiveArtifacts")).singleElement().satisfies(args -> assertThat(args.get("allowEmptyArchive")).isEqualTo(true));
    }

    @Test
    void failsOnAConfigurationErrorAndOnACommandThatIsNotThere() throws Exception {
        exitCode = 2;
        assertThatThrownBy(() -> gate(basic())).hasMessageContaining("configuration error (exit 2)");

        loadTheLibrary();
        exitCode = 127;
        assertThatThrownBy(() -> gate(basic())).hasMessageContaining("exit 127").hasMessageContaining("installed");
        assertThat(result()).isEqualTo("FAILURE");
    }

    @Test
    void takesThePolicyFromAConfigFileProviderFile() {
        gate(with(Map.of("image", "shop:7", "stage", "production"), "policyFileId", "bulwark-production"));

        assertThat(steps.get("configFileProvider")).singleElement().asString().contains("fileId=bulwark-production",
                "variable=BULWARK_POLICY");
        assertThat(shells).singleElement().asString().endsWith("'--policy' '/tmp/configbulwark-production'");
        assertThat(env).doesNotContainKey("BULWARK_POLICY");
    }

    @Test
    void bindsJiraAndSlackCredentialsAroundTheCommandOnly() {
        gate(with(basic(), "jiraCredentialsId", "jira-bot", "slackCredentialsId", "slack-hook"));

        assertThat(shellEnvironments).singleElement().satisfies(environment -> assertThat(environment)
                .containsKeys("JIRA_EMAIL", "JIRA_API_TOKEN", "SLACK_WEBHOOK_URL"));
        assertThat(steps.get("withCredentials")).singleElement().asString()
                .contains("credentialsId=jira-bot", "$kind=usernamePassword", "credentialsId=slack-hook", "$kind=string");
        assertThat(shells.get(0)).doesNotContain("****", "jira-bot", "slack-hook");
        assertThat(env).doesNotContainKeys("JIRA_EMAIL", "JIRA_API_TOKEN", "SLACK_WEBHOOK_URL");
    }

    @Test
    void bindsCredentialsToTheVariablesThePolicyNames() {
        gate(with(basic(), "jiraCredentialsId", "jira-dc", "jiraEmailVariable", "JIRA_USER", "jiraTokenVariable", "JIRA_TOKEN",
                "slackCredentialsId", "slack-bot", "slackVariable", "SLACK_BOT_TOKEN"));

        assertThat(shellEnvironments.get(0)).containsKeys("JIRA_USER", "JIRA_TOKEN", "SLACK_BOT_TOKEN").doesNotContainKey("JIRA_EMAIL");
    }

    @Test
    void sendsNothingWhenNotifyIsOffAndWritesOnlyTheReportsAskedFor() {
        gate(with(basic(), "notify", false, "reports", List.of("json"), "reportDir", "out"));

        assertThat(shells.get(0)).contains("'--no-notify'", "'-o' 'json=out/bulwark.json'").doesNotContain("junit", "sarif");
        assertThat(steps).doesNotContainKeys("junit", "recordIssues", "withCredentials");
        assertThat(steps.get("archiveArtifacts")).singleElement().satisfies(args -> assertThat(args.get("artifacts")).hasToString("out/**"));
    }

    @Test
    void quotesEveryWordSoThatNoImageNameReachesTheShellUnquoted() {
        gate(with(basic(), "image", "shop:7'; rm -rf / #", "args", List.of("--vex", "vex/app's.json")));

        assertThat(shells.get(0)).contains("'shop:7'\\''; rm -rf / #'", "'--vex' 'vex/app'\\''s.json'");
    }

    @Test
    void refusesMissingConflictingOrUnknownParametersWithTheFix() throws Exception {
        assertThatThrownBy(() -> gate(Map.of("stage", "dev", "policy", "p.yaml"))).hasMessageContaining("needs image");
        loadTheLibrary();
        assertThatThrownBy(() -> gate(with(basic(), "policyFileId", "x"))).hasMessageContaining("exactly one of policy");
        loadTheLibrary();
        assertThatThrownBy(() -> gate(with(basic(), "polcy", "x"))).hasMessageContaining("unknown parameter polcy");
        loadTheLibrary();
        assertThatThrownBy(() -> gate(with(basic(), "reports", List.of("pdf")))).hasMessageContaining("pdf is not a report format");
        loadTheLibrary();
        assertThatThrownBy(() -> gate(with(basic(), "onFail", "SUCCESS"))).hasMessageContaining("onFail UNSTABLE or FAILURE");
        assertThat(shells).isEmpty();
    }

    @Test
    void promotesThroughTheSameStepWithItsOwnCommand() {
        Object result = step("bulwarkPromote").invokeMethod("call", new Object[] {new HashMap<>(Map.of(
                "image", "registry.example.com/staging/shop:7", "to", "registry.example.com/prod/shop:7",
                "stage", "production", "policy", "bulwark.yaml", "reports", List.of("junit")))});

        assertThat(result).isEqualTo(Map.of("verdict", "pass", "exitCode", 0));
        assertThat(shells).singleElement().isEqualTo("'bulwark' 'promote' 'registry.example.com/staging/shop:7'"
                + " 'registry.example.com/prod/shop:7' '--stage' 'production' '--warn-exit-code' '4'"
                + " '-o' 'junit=bulwark-reports/bulwark-junit.xml' '--policy' 'bulwark.yaml'");
    }

    @Test
    void refusesAPromotionWithoutADestination() {
        assertThatThrownBy(() -> step("bulwarkPromote").invokeMethod("call", new Object[] {new HashMap<>(basic())}))
                .hasMessageContaining("needs to: the destination");
        assertThat(shells).isEmpty();
    }

    @Test
    void attachesTheProfilesFileWhenPromotingWithOne() {
        step("bulwarkPromote").invokeMethod("call", new Object[] {new HashMap<>(Map.of(
                "image", "registry.example.com/staging/shop:7", "to", "registry.example.com/prod/shop:7",
                "stage", "production", "policy", "bulwark.yaml", "reports", List.of(), "profile", "bulwark-profiles.yaml"))});

        assertThat(shells).singleElement().asString().contains("'--warn-exit-code' '4' '--profile' 'bulwark-profiles.yaml'");
    }
}
