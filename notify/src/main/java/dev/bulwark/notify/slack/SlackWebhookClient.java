package dev.bulwark.notify.slack;

import dev.bulwark.net.OutboundHttp;
import dev.bulwark.notify.config.Redactor;
import dev.bulwark.notify.config.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts to a Slack incoming webhook. Slack answers 200 with the body {@code ok}; errors come as a status and
 * a plain word ({@code 404 no_service}, {@code 410 channel_is_archived}, …), which this client turns into
 * what to fix. The webhook URL is itself the credential, so it appears in no message and no {@code toString()}.
 */
public final class SlackWebhookClient implements SlackClient {

    private static final String SERVICE = "Slack's incoming webhook";

    private final URI url;
    private final SlackTransport transport;

    /** A client for the webhook URL. */
    public SlackWebhookClient(Secret webhookUrl) {
        this(webhookUrl, SlackTransport.defaultHttpClient());
    }

    /** A client for the webhook URL that sends with the given HTTP client. */
    public SlackWebhookClient(Secret webhookUrl, HttpClient http) {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        this.url = parse(webhookUrl);
        this.transport = new SlackTransport(Objects.requireNonNull(http, "http"), Redactor.of(webhookUrl));
    }

    @Override
    public SlackResult postJson(String payloadJson) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(SlackTransport.REQUEST_TIMEOUT)
                .header("User-Agent", OutboundHttp.userAgent())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payloadJson, StandardCharsets.UTF_8))
                .build();
        return transport.exchange(request, SERVICE, this::read);
    }

    private SlackResult read(HttpResponse<String> response) {
        // Slack: "interpret HTTP 200 as success and any other code as failure".
        if (response.statusCode() == 200) {
            return new SlackResult.Posted("");
        }
        String error = errorWord(response.body());
        String message = SlackErrors.forWebhook(response.statusCode(), error);
        if (error.isEmpty()) {
            message += transport.quote(response.body());
        }
        throw new SlackException(transport.redact(message), error, response.statusCode());
    }

    /** Slack's error word, when the body is one ({@code no_service}); empty for an HTML page or the like. */
    private static String errorWord(String body) {
        String word = body == null ? "" : body.strip();
        return word.matches("[a-z_]{2,64}") ? word : "";
    }

    private static URI parse(Secret webhookUrl) {
        // The message names neither the URL nor the parser's complaint, which quotes it: the URL is a secret.
        return httpUri(webhookUrl.reveal().strip()).orElseThrow(() -> new SlackException("the Slack webhook URL Bulwark was given is not an https:// URL: copy it again from"
                + " your Slack app's Incoming Webhooks page (it starts with https://hooks.slack.com/services/)", "", 0));
    }

    private static Optional<URI> httpUri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
        boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SlackWebhookClient[url=" + Redactor.MASK + "]";
    }
}
