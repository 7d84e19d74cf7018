package dev.bulwark.notify.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bulwark.notify.config.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackWebhookClientTest {

    /** The part of a webhook URL that is the credential. */
    private static final String TOKEN = "x7Kq9TzR2mLp4VwN8sYb3HdF";
    private static final String PATH = "/services/T0AAAAAAA/B0BBBBBBB/" + TOKEN;

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void postsTheMessageAsJsonAndTakesOkAsPosted() {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("ok")));
        SlackMessage message = SlackMessage.of(Outcomes.failingOnNetty());

        SlackResult result = client().post(message);

        assertThat(result).isEqualTo(new SlackResult.Posted(""));
        slack.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson(message.toJson())));
    }

    @Test
    void asksToRetryLaterAfterTheWaitSlackNamesWhenRateLimited() {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("rate_limited")));

        SlackResult result = client().postJson("{\"text\":\"hi\"}");

        assertThat(result).isInstanceOfSatisfying(SlackRetryLater.class, later -> {
            assertThat(later.retryAfterSeconds()).isEqualTo(30);
            assertThat(later.reason()).contains("HTTP 429").contains("retry after 30 s");
        });
    }

    @Test
    void asksToRetryLaterDuringAnOutage() {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("rollup_error")));

        SlackResult result = client().postJson("{\"text\":\"hi\"}");

        assertThat(result).isInstanceOfSatisfying(SlackRetryLater.class, later -> {
            assertThat(later.retryAfterSeconds()).isZero();
            assertThat(later.reason()).contains("HTTP 500").contains("rollup_error").contains("status.slack.com");
        });
    }

    @Test
    void asksToRetryLaterWhenSlackCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SlackWebhookClient unreachable = new SlackWebhookClient(Secret.of("http://localhost:" + closedPort + PATH));

        SlackResult result = unreachable.postJson("{\"text\":\"hi\"}");

        assertThat(result).isInstanceOfSatisfying(SlackRetryLater.class,
                later -> assertThat(later.reason()).startsWith("could not reach Slack's incoming webhook").doesNotContain(TOKEN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            400 | invalid_payload     | a bug in Bulwark
            403 | action_prohibited   | ask a Slack admin
            403 | invalid_token       | create a new incoming webhook
            404 | no_service          | the webhook was removed or its app disabled: create a new incoming webhook
            404 | channel_not_found   | the webhook's channel was deleted
            410 | channel_is_archived | unarchive it
            """)
    void saysWhatToFixWhenSlackRefusesTheMessageForGood(int status, String error, String fix) {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(error)));

        SlackException refusal = catchThrowableOfType(SlackException.class, () -> client().postJson("{\"text\":\"hi\"}"));

        assertThat(refusal.getMessage()).contains("HTTP " + status + " " + error).contains(fix);
        assertThat(refusal.error()).isEqualTo(error);
        assertThat(refusal.status()).isEqualTo(status);
    }

    @Test
    void keepsTheWebhookUrlOutOfErrorsAndToStringEvenWhenSlackEchoesIt() {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withBody("<html>Bad request to " + slack.baseUrl() + PATH + "</html>")));
        SlackWebhookClient client = client();

        SlackException refusal = catchThrowableOfType(SlackException.class, () -> client.postJson("{\"text\":\"hi\"}"));

        assertThat(refusal.getMessage()).contains("HTTP 400").contains("***").doesNotContain(TOKEN);
        assertThat(client.toString()).doesNotContain(TOKEN).doesNotContain("T0AAAAAAA");
    }

    @Test
    void refusesSomethingThatIsNotAWebhookUrlWithoutQuotingIt() {
        assertThatThrownBy(() -> new SlackWebhookClient(Secret.of("hooks.slack.com" + PATH)))
                .isInstanceOf(SlackException.class)
                .hasMessageContaining("https://hooks.slack.com/services/")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> new SlackWebhookClient(Secret.of("https://hooks slack com/" + TOKEN)))
                .hasMessageNotContaining(TOKEN);
    }

    private static SlackWebhookClient client() {
        return new SlackWebhookClient(Secret.of(slack.baseUrl() + PATH));
    }
}
