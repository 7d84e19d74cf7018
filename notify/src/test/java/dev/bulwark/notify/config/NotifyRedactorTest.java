package dev.bulwark.notify.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotifyRedactorTest {

    private static final Secret WEBHOOK = Secret.of("https://hooks.slack.com/services/T0001/B0001/abcdefghijkl");

    @Test
    void replacesEveryOccurrenceOfEverySecret() {
        Redactor redactor = Redactor.of(WEBHOOK, Secret.of("xoxb-1-2-3"));

        assertThat(redactor.redact("a " + WEBHOOK.reveal() + " b xoxb-1-2-3 c " + WEBHOOK.reveal()))
                .isEqualTo("a *** b *** c ***");
    }

    @Test
    void masksTheUrlEncodedAndJsonEscapedFormsAServerMightEchoBack() {
        Redactor redactor = Redactor.of(WEBHOOK);
        String encoded = URLEncoder.encode(WEBHOOK.reveal(), StandardCharsets.UTF_8);
        String jsonEscaped = WEBHOOK.reveal().replace("/", "\\/");

        assertThat(redactor.redact("url=" + encoded)).isEqualTo("url=***");
        assertThat(redactor.redact("{\"url\":\"" + jsonEscaped + "\"}")).isEqualTo("{\"url\":\"***\"}");
    }

    @Test
    void masksALongerSecretWholeEvenWhenItContainsAShorterOne() {
        Redactor redactor = Redactor.of(Secret.of("abc"), Secret.of("xxabcxx"));

        assertThat(redactor.redact("[xxabcxx] [abc]")).isEqualTo("[***] [***]");
    }

    @Test
    void leavesTextWithoutSecretsAloneAndKeepsNull() {
        assertThat(Redactor.of(WEBHOOK).redact("nothing to hide")).isEqualTo("nothing to hide");
        assertThat(Redactor.none().redact(null)).isNull();
    }

    @Test
    void growsWithMoreSecretsWithoutForgettingTheFirst() {
        Redactor redactor = Redactor.none().and(WEBHOOK).and(Secret.of("pat-123456"));

        assertThat(redactor.redact(WEBHOOK.reveal() + " pat-123456")).isEqualTo("*** ***");
        assertThat(redactor.toString()).doesNotContain("pat-123456");
    }
}
