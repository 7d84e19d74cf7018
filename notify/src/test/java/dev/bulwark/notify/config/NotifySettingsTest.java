package dev.bulwark.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.notify.config.JiraConfig.JiraAuth;
import dev.bulwark.notify.jira.JiraSettings.Flavour;
import dev.bulwark.notify.jira.JiraSettings.Grouping;
import dev.bulwark.policy.gate.Judgement;
import dev.bulwark.policy.gate.Verdict;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifySettingsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void readsASlackWebhookByEnvironmentVariableAndTheVerdictsToTellAbout() {
        NotifySettings settings = parse("""
                slack:
                  webhookUrlEnv: SLACK_WEBHOOK_URL
                  on: [fail, warn]
                """);

        SlackSettings slack = settings.slack().orElseThrow();
        assertThat(slack.webhookUrl()).contains(new SecretRef.Env("SLACK_WEBHOOK_URL"));
        assertThat(slack.botToken()).isEmpty();
        assertThat(slack.on()).containsExactlyInAnyOrder("fail", "warn");
        assertThat(slack.notifiesOn(new Verdict.Fail(judgement()))).isTrue();
        assertThat(slack.notifiesOn(new Verdict.Pass(judgement()))).isFalse();
        assertThat(settings.jira()).isEmpty();
    }

    @Test
    void readsASlackBotTokenFromAMountedFileWithItsChannel() {
        SlackSettings slack = parse("""
                slack:
                  botTokenFile: /run/secrets/slack-bot
                  channel: "#builds"
                """).slack().orElseThrow();

        assertThat(slack.botToken()).contains(new SecretRef.File(Path.of("/run/secrets/slack-bot")));
        assertThat(slack.channel()).isEqualTo("#builds");
        assertThat(slack.on()).isEqualTo(SlackSettings.DEFAULT_ON);
    }

    @Test
    void readsJiraCloudWithEmailAndApiTokenByReference() {
        JiraConfig jira = parse("""
                jira:
                  url: https://example.atlassian.net
                  flavour: cloud
                  project: SEC
                  issueType: Vulnerability
                  doneTransition: Done
                  grouping: per-build
                  emailEnv: JIRA_EMAIL
                  apiTokenEnv: JIRA_API_TOKEN
                """).jira().orElseThrow();

        assertThat(jira.url()).isEqualTo(URI.create("https://example.atlassian.net"));
        assertThat(jira.flavour()).isEqualTo(Flavour.CLOUD);
        assertThat(jira.project()).isEqualTo("SEC");
        assertThat(jira.issueType()).isEqualTo("Vulnerability");
        assertThat(jira.doneTransition()).contains("Done");
        assertThat(jira.grouping()).isEqualTo(Grouping.PER_BUILD);
        assertThat(jira.auth()).isEqualTo(new JiraAuth.CloudApiToken(new SecretRef.Env("JIRA_EMAIL"), new SecretRef.Env("JIRA_API_TOKEN")));
        assertThat(jira.on()).isEqualTo(JiraConfig.DEFAULT_ON);
    }

    @Test
    void readsJiraDataCenterWithAPersonalAccessTokenAndSensibleDefaults() {
        JiraConfig jira = parse("""
                jira:
                  url: https://jira.example.com
                  flavour: data-center
                  project: OPS
                  tokenFile: /run/secrets/jira
                """).jira().orElseThrow();

        assertThat(jira.auth()).isEqualTo(new JiraAuth.PersonalAccessToken(new SecretRef.File(Path.of("/run/secrets/jira"))));
        assertThat(jira.issueType()).isEqualTo("Bug");
        assertThat(jira.grouping()).isEqualTo(Grouping.PER_VULNERABILITY);
        assertThat(jira.doneTransition()).isEmpty();
    }

    @Test
    void meansNoNotificationsWhenTheSectionIsAbsent() {
        assertThat(NotifySettings.parse(null)).isEqualTo(NotifySettings.none());
        assertThat(NotifySettings.parse(YAML.createObjectNode().get("notify"))).isEqualTo(NotifySettings.none());
    }

    @Test
    void refusesAnInlineWebhookUrlWithoutRepeatingItAndSaysToUseAVariableOrFile() {
        String secret = "https://hooks.slack.com/services/T000/B000/s3cr3tw3bh00kt0k3nvalue1";

        assertThatThrownBy(() -> parse("slack:\n  webhookUrl: " + secret + "\n"))
                .isInstanceOf(NotifyConfigException.class)
                .hasMessageContaining("notify.slack.webhookUrl")
                .hasMessageContaining("webhookUrlEnv: SLACK_WEBHOOK_URL")
                .hasMessageContaining("webhookUrlFile")
                .hasMessageNotContaining(secret)
                .hasMessageNotContaining("s3cr3tw3bh00k");
    }

    @Test
    void refusesInlineTokensForSlackAndJira() {
        assertThatThrownBy(() -> parse("slack:\n  token: xoxb-1234-5678-abcdef\n  channel: C1\n"))
                .hasMessageContaining("notify.slack.token").hasMessageContaining("botTokenEnv")
                .hasMessageNotContaining("xoxb-1234");
        assertThatThrownBy(() -> parse("jira:\n  url: https://jira.example.com\n  flavour: data-center\n  project: OPS\n  token: s3cr3t-pat\n"))
                .hasMessageContaining("notify.jira.token").hasMessageContaining("tokenEnv")
                .hasMessageNotContaining("s3cr3t-pat");
        assertThatThrownBy(() -> parse("jira:\n  url: https://jira.example.com\n  flavour: cloud\n  project: OPS\n  apiToken: ATATT3xFf\n"))
                .hasMessageContaining("notify.jira.apiToken").hasMessageNotContaining("ATATT3xFf");
    }

    @Test
    void refusesASecretPastedWhereTheVariableNameBelongsWithoutRepeatingIt() {
        String secret = "https://hooks.slack.com/services/T000/B000/YYYYYYYY";

        assertThatThrownBy(() -> parse("slack:\n  webhookUrlEnv: " + secret + "\n"))
                .isInstanceOf(NotifyConfigException.class)
                .hasMessageContaining("environment variable name")
                .hasMessageContaining("rotate it")
                .hasMessageNotContaining("YYYYYYYY");
    }

    @Test
    void refusesCredentialsInTheJiraUrl() {
        assertThatThrownBy(() -> parse("""
                jira:
                  url: https://bob:hunter2@jira.example.com
                  flavour: data-center
                  project: OPS
                  tokenEnv: JIRA_TOKEN
                """)).hasMessageContaining("holds credentials").hasMessageNotContaining("hunter2");
    }

    @Test
    void saysWhichCredentialsEachJiraFlavourNeeds() {
        assertThatThrownBy(() -> parse("jira:\n  url: https://x.atlassian.net\n  flavour: cloud\n  project: A\n  tokenEnv: T\n"))
                .hasMessageContaining("emailEnv and apiTokenEnv").hasMessageContaining("not tokenEnv");
        assertThatThrownBy(() -> parse("jira:\n  url: https://jira.example.com\n  flavour: data-center\n  project: A\n  emailEnv: E\n  apiTokenEnv: T\n"))
                .hasMessageContaining("personal access token").hasMessageContaining("tokenEnv or tokenFile");
    }

    @Test
    void needsExactlyOneWayToReachSlackAndAChannelForABot() {
        assertThatThrownBy(() -> parse("slack:\n  channel: '#builds'\n")).hasMessageContaining("not neither");
        assertThatThrownBy(() -> parse("slack:\n  webhookUrlEnv: A\n  botTokenEnv: B\n  channel: C1\n")).hasMessageContaining("not both");
        assertThatThrownBy(() -> parse("slack:\n  botTokenEnv: SLACK_BOT_TOKEN\n")).hasMessageContaining("notify.slack.channel is required");
        assertThatThrownBy(() -> parse("slack:\n  webhookUrlEnv: A\n  webhookUrlFile: /b\n")).hasMessageContaining("keep one");
    }

    @Test
    void namesAMistypedSettingOrVerdictInsteadOfIgnoringIt() {
        assertThatThrownBy(() -> parse("slack:\n  webhookUrlEnv: A\n  chanel: '#x'\n"))
                .hasMessageContaining("notify.slack.chanel is not a setting").hasMessageContaining("channel");
        assertThatThrownBy(() -> parse("slack:\n  webhookUrlEnv: A\n  on: [failed]\n"))
                .hasMessageContaining("'failed'").hasMessageContaining("fail, warn or pass");
        assertThatThrownBy(() -> parse("teams:\n  url: x\n")).hasMessageContaining("notify.teams is not a setting");
        assertThatThrownBy(() -> parse("jira:\n  url: https://j.example.com\n  flavour: onprem\n  project: A\n  tokenEnv: T\n"))
                .hasMessageContaining("cloud or data-center");
    }

    @Test
    void printsReferencesNotValuesInToString() {
        NotifySettings settings = parse("slack:\n  webhookUrlEnv: SLACK_WEBHOOK_URL\n");

        assertThat(settings.toString()).contains("SLACK_WEBHOOK_URL");
    }

    private static NotifySettings parse(String yaml) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            return NotifySettings.parse(tree);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Judgement judgement() {
        return new Judgement("prod", List.of(), List.of(), List.of());
    }
}
