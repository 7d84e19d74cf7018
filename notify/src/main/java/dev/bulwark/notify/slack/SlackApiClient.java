package dev.bulwark.notify.slack;

import dev.bulwark.net.OutboundHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.notify.config.Redactor;
import dev.bulwark.notify.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Posts as a bot with Slack's {@code chat.postMessage}. Slack answers most errors with HTTP 200 and
 * {@code {"ok": false, "error": "channel_not_found"}}, so the client reads {@code ok} on every answer and turns
 * each error into what to fix. The bot token appears in no message and no {@code toString()}.
 */
public final class SlackApiClient implements SlackClient {

    /** Slack's Web API. */
    public static final URI SLACK_API = URI.create("https://slack.com/api/");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "Slack's chat.postMessage";

    private final URI endpoint;
    private final Secret botToken;
    private final String channel;
    private final SlackTransport transport;

    /** A client posting to the channel with the bot token ({@code xoxb-…}). */
    public SlackApiClient(Secret botToken, String channel) {
        this(SLACK_API, botToken, channel, SlackTransport.defaultHttpClient());
    }

    /**
     * A client for another API address (a proxy, a test server).
     *
     * @param apiBase  the Web API's base, ending in {@code /} ({@code https://slack.com/api/})
     * @param botToken the bot token
     * @param channel  the channel ID ({@code C0123ABCD}) or name ({@code #builds})
     * @param http     the HTTP client
     */
    public SlackApiClient(URI apiBase, Secret botToken, String channel, HttpClient http) {
        this.endpoint = Objects.requireNonNull(apiBase, "apiBase").resolve("chat.postMessage");
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("chat.postMessage needs a channel: set notify.slack.channel");
        }
        this.channel = channel.strip();
        this.transport = new SlackTransport(Objects.requireNonNull(http, "http"), Redactor.of(botToken));
    }

    @Override
    public SlackResult postJson(String payloadJson) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(SlackTransport.REQUEST_TIMEOUT)
                .header("User-Agent", OutboundHttp.userAgent())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + botToken.reveal())
                .POST(HttpRequest.BodyPublishers.ofString(withChannel(payloadJson), StandardCharsets.UTF_8))
                .build();
        return transport.exchange(request, SERVICE, this::read);
    }

    private String withChannel(String payloadJson) {
        try {
            JsonNode payload = JSON.readTree(payloadJson);
            if (!(payload instanceof ObjectNode message)) {
                throw new IllegalArgumentException("a Slack payload must be a JSON object with text and blocks");
            }
            ObjectNode body = JSON.createObjectNode().put("channel", channel);
            message.remove("channel");
            body.setAll(message);
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a Slack payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private SlackResult read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new SlackException(transport.redact(SERVICE + " answered HTTP " + response.statusCode()
                    + transport.quote(response.body()) + ": check the Slack API address and any proxy in between"),
                    "", response.statusCode());
        }
        JsonNode answer = parse(response.body());
        if (answer.path("ok").asBoolean(false)) {
            return new SlackResult.Posted(answer.path("ts").asText(""));
        }
        String error = answer.path("error").asText("unknown_error");
        if (SlackErrors.isTransient(error)) {
            return new SlackRetryLater(SlackTransport.retryAfterSeconds(response), SERVICE + " answered " + error);
        }
        String message = SlackErrors.forApi(error, channel, answer.path("needed").asText(""));
        throw new SlackException(transport.redact(message), error, response.statusCode());
    }

    private JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new SlackException(transport.redact(SERVICE + " answered with something that is not JSON"
                    + transport.quote(body) + ": check the Slack API address and any proxy in between"), "", 200);
        }
    }

    @Override
    public String toString() {
        return "SlackApiClient[endpoint=" + endpoint + ", channel=" + channel + ", token=" + Redactor.MASK + "]";
    }
}
