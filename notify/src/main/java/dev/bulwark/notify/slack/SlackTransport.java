package dev.bulwark.notify.slack;

import dev.bulwark.net.OutboundHttp;
import dev.bulwark.notify.config.Redactor;
import dev.bulwark.policy.text.Numbers;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * The HTTP exchange both Slack clients share. What every Slack endpoint means the same way is settled here:
 * HTTP 429 and 5xx, and no answer at all, mean "post it later"; anything else goes to the client to read.
 * Every text it produces passes the redactor, since a server or a library may quote the request back.
 */
final class SlackTransport {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final int MAX_QUOTED_BODY = 200;

    private final HttpClient http;
    private final Redactor redactor;

    SlackTransport(HttpClient http, Redactor redactor) {
        this.http = http;
        this.redactor = redactor;
    }

    static HttpClient defaultHttpClient() {
        return OutboundHttp.fromEnvironment().client(HttpClient.Redirect.NEVER);
    }

    /**
     * Sends the request.
     *
     * @param service what is called, for messages ({@code Slack's incoming webhook})
     * @param reader  reads any answer that is neither 429 nor 5xx
     */
    SlackResult exchange(HttpRequest request, String service, Function<HttpResponse<String>, SlackResult> reader) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new SlackRetryLater(0, redact("could not reach " + service + " (" + describe(e) + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SlackRetryLater(0, "interrupted while posting to " + service);
        }
        int status = response.statusCode();
        if (status == 429) {
            long wait = retryAfterSeconds(response);
            return new SlackRetryLater(wait, service + " is rate-limiting Bulwark (HTTP 429"
                    + (wait > 0 ? ", retry after " + wait + " s" : "") + ")");
        }
        if (status >= 500) {
            return new SlackRetryLater(retryAfterSeconds(response), service + " answered HTTP " + status
                    + quote(response.body()) + "; Slack may be having an outage (status.slack.com)");
        }
        return reader.apply(response);
    }

    /** The text with every secret masked. */
    String redact(String text) {
        return redactor.redact(text);
    }

    /** A short, secret-free quote of a response body for a message: {@code  ("no_service")}. */
    String quote(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "";
        }
        String shortened = flat.length() > MAX_QUOTED_BODY ? flat.substring(0, MAX_QUOTED_BODY) + "…" : flat;
        return " (\"" + redact(shortened) + "\")";
    }

    static long retryAfterSeconds(HttpResponse<String> response) {
        // Slack sends whole seconds; an HTTP date or anything else leaves the wait to the outbox's backoff.
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,9}"))
                .map(value -> Numbers.parseLong(value.strip(), "Retry-After"))
                .orElse(0L);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
