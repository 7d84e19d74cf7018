package dev.bulwark.notify.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bulwark.notify.config.Secret;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackApiClientTest {

    private static final String TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private static final String ENDPOINT = "/api/chat.postMessage";

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void postsToTheChannelWithTheBotToken() {
        // Slack's documented answer to chat.postMessage.
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("""
                {"ok": true, "channel": "C0123ABCD", "ts": "1503435956.000247",
                 "message": {"text": "Here's a message for you", "username": "ecto1", "bot_id": "B123ABC456",
                             "type": "message", "subtype": "bot_message", "ts": "1503435956.000247"}}""")));
        SlackMessage message = SlackMessage.of(Outcomes.failingOnNetty());

        SlackResult result = client("C0123ABCD").post(message);

        assertThat(result).isEqualTo(new SlackResult.Posted("1503435956.000247"));
        slack.verify(1, postRequestedFor(urlEqualTo(ENDPOINT))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("C0123ABCD")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(message.text())))
                .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header"))));
    }

    @Test
    void readsOkBecauseSlackReportsErrorsWithHttp200() {
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("{\"ok\": false, \"error\": \"channel_not_found\"}")));

        SlackException refusal = catchThrowableOfType(SlackException.class, () -> client("#builds").postJson("{\"text\":\"hi\"}"));

        assertThat(refusal.getMessage()).contains("channel #builds (channel_not_found)")
                .contains("check the channel ID").contains("/invite");
        assertThat(refusal.error()).isEqualTo("channel_not_found");
    }

    @Test
    void saysToInviteTheBotWhenItIsNotInTheChannel() {
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("{\"ok\": false, \"error\": \"not_in_channel\"}")));

        SlackException refusal = catchThrowableOfType(SlackException.class, () -> client("C0123ABCD").postJson("{\"text\":\"hi\"}"));

        assertThat(refusal.getMessage()).contains("invite it with /invite").contains("chat:write.public");
    }

    @Test
    void saysToReplaceARejectedTokenAndNamesAMissingScope() {
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("{\"ok\": false, \"error\": \"invalid_auth\"}")));
        SlackException badToken = catchThrowableOfType(SlackException.class, () -> client("C1").postJson("{\"text\":\"hi\"}"));
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson(
                "{\"ok\": false, \"error\": \"missing_scope\", \"needed\": \"chat:write\", \"provided\": \"channels:read\"}")));
        SlackException noScope = catchThrowableOfType(SlackException.class, () -> client("C1").postJson("{\"text\":\"hi\"}"));

        assertThat(badToken.getMessage()).contains("bot token (xoxb-…)").contains("OAuth & Permissions");
        assertThat(noScope.getMessage()).contains("add the chat:write scope").contains("needs: chat:write");
    }

    @Test
    void asksToRetryLaterWhenRateLimitedOrWhenSlackHasAnInternalError() {
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        SlackResult limited = client("C1").postJson("{\"text\":\"hi\"}");
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(okJson("{\"ok\": false, \"error\": \"internal_error\"}")));
        SlackResult internal = client("C1").postJson("{\"text\":\"hi\"}");

        assertThat(limited).isEqualTo(new SlackRetryLater(1, "Slack's chat.postMessage is rate-limiting Bulwark (HTTP 429, retry after 1 s)"));
        assertThat(internal).isInstanceOfSatisfying(SlackRetryLater.class, later -> assertThat(later.reason()).contains("internal_error"));
    }

    @Test
    void keepsTheTokenOutOfErrorsAndToStringEvenWhenAnAnswerEchoesIt() {
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(401)
                .withBody("proxy refused Authorization: Bearer " + TOKEN)));
        SlackApiClient client = client("C1");

        SlackException refusal = catchThrowableOfType(SlackException.class, () -> client.postJson("{\"text\":\"hi\"}"));

        assertThat(refusal.getMessage()).contains("HTTP 401").contains("Bearer ***").doesNotContain(TOKEN);
        assertThat(client.toString()).contains("C1").doesNotContain(TOKEN).doesNotContain("xoxb");
    }

    @Test
    void saysWhatToCheckWhenTheAnswerIsNotSlacks() {
        slack.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(200).withBody("<html>Sign in to the proxy</html>")));

        SlackException refusal = catchThrowableOfType(SlackException.class, () -> client("C1").postJson("{\"text\":\"hi\"}"));

        assertThat(refusal.getMessage()).contains("not JSON").contains("Sign in to the proxy").contains("proxy in between");
    }

    private static SlackApiClient client(String channel) {
        return new SlackApiClient(URI.create(slack.baseUrl() + "/api/"), Secret.of(TOKEN), channel, SlackTransport.defaultHttpClient());
    }
}
