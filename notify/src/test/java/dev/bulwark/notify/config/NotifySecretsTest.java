package dev.bulwark.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifySecretsTest {

    private static final String WEBHOOK = "https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnopqrstuvwx";

    @TempDir
    Path dir;

    @Test
    void readsASecretFromTheEnvironment() {
        Secrets secrets = Secrets.of(Map.of("SLACK_WEBHOOK_URL", WEBHOOK));

        assertThat(secrets.resolve(new SecretRef.Env("SLACK_WEBHOOK_URL")).reveal()).isEqualTo(WEBHOOK);
    }

    @Test
    void readsASecretFromAFileWithoutItsTrailingNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("slack"), "  " + WEBHOOK + "\n");

        assertThat(Secrets.of(Map.of()).resolve(new SecretRef.File(file)).reveal()).isEqualTo(WEBHOOK);
    }

    @Test
    void namesTheMissingVariableAndSaysHowToSetIt() {
        assertThatThrownBy(() -> Secrets.of(Map.of()).resolve(new SecretRef.Env("SLACK_WEBHOOK_URL")))
                .isInstanceOf(NotifyConfigException.class)
                .hasMessageContaining("environment variable SLACK_WEBHOOK_URL is not set")
                .hasMessageContaining("withCredentials");
        assertThatThrownBy(() -> Secrets.of(Map.of("JIRA_TOKEN", "  ")).resolve(new SecretRef.Env("JIRA_TOKEN")))
                .hasMessageContaining("JIRA_TOKEN is empty");
    }

    @Test
    void namesTheMissingOrEmptyFile() throws IOException {
        Path missing = dir.resolve("absent");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> Secrets.of(Map.of()).resolve(new SecretRef.File(missing)))
                .hasMessageContaining("cannot read the secret file " + missing).hasMessageContaining("mounted");
        assertThatThrownBy(() -> Secrets.of(Map.of()).resolve(new SecretRef.File(empty)))
                .hasMessageContaining("secret file " + empty + " is empty");
    }

    @Test
    void neverShowsASecretInToString() {
        Secrets secrets = Secrets.of(Map.of("SLACK_WEBHOOK_URL", WEBHOOK));
        Secret secret = secrets.resolve(new SecretRef.Env("SLACK_WEBHOOK_URL"));

        assertThat(secret.toString()).isEqualTo("***");
        assertThat(secrets.toString()).doesNotContain(WEBHOOK).doesNotContain("T0001");
        assertThat(secrets.redactor().toString()).doesNotContain(WEBHOOK);
        assertThat(String.valueOf(java.util.List.of(secret))).doesNotContain(WEBHOOK);
    }

    @Test
    void masksEverySecretItResolvedInLaterMessages() {
        Secrets secrets = Secrets.of(Map.of("SLACK_WEBHOOK_URL", WEBHOOK, "SLACK_BOT_TOKEN", "xoxb-123-456-token"));
        secrets.resolve(new SecretRef.Env("SLACK_WEBHOOK_URL"));
        secrets.resolve(new SecretRef.Env("SLACK_BOT_TOKEN"));

        String text = secrets.redactor().redact("POST " + WEBHOOK + " failed; Authorization: Bearer xoxb-123-456-token");

        assertThat(text).isEqualTo("POST *** failed; Authorization: Bearer ***");
    }
}
