package dev.bulwark.notify.jira;

import dev.bulwark.net.OutboundHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one place that talks HTTP to Jira: JSON in and out, the credentials on every request, and every
 * status that is not 2xx turned into a {@link JiraException} or a {@link JiraRetryLater} by {@link JiraErrors}.
 *
 * <p>Redirects are not followed, so the {@code Authorization} header only ever goes to the configured site.
 */
final class JiraHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final JiraCredentials credentials;
    private final JiraErrors errors;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * What a request is about, for the error messages.
     *
     * @param resource what a 404 means is missing ({@code issue SEC-12}, {@code project SEC})
     * @param fixHint  what to check when Jira calls the request bad (400)
     */
    record Call(String resource, String fixHint) {
    }

    JiraHttp(JiraSettings settings, HttpClient client, Duration timeout) {
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.credentials = settings.credentials();
        this.errors = new JiraErrors(settings);
        this.client = client;
        this.timeout = timeout;
    }

    /** An HTTP client fit for Jira: the environment's proxy and trust, a connect timeout, HTTP/1.1, no redirects. */
    static HttpClient defaultClient() {
        return OutboundHttp.fromEnvironment().builder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    JsonNode get(String path, Call call) {
        return exchange("GET", path, null, call);
    }

    JsonNode post(String path, JsonNode body, Call call) {
        return exchange("POST", path, body, call);
    }

    private JsonNode exchange(String method, String path, JsonNode body, Call call) {
        String request = method + " " + path;
        HttpResponse<String> response = send(method, path, body, request);
        if (response.statusCode() / 100 == 2) {
            return parse(response.body(), request);
        }
        throw errors.of(response, request, call);
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json")
                .header("User-Agent", OutboundHttp.userAgent());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (SSLException e) {
            throw new JiraException(0, request, List.of(), "The TLS handshake with " + base + " failed for " + request
                    + " (" + e.getMessage() + "): if Jira's certificate comes from a private CA, add that CA to the"
                    + " trust store of the Java runtime that runs Bulwark");
        } catch (IOException e) {
            throw new JiraRetryLater(0, Optional.empty(), "Could not reach Jira at " + base + " for " + request + " ("
                    + e + "); if this lasts, check the Jira base URL and the network or proxy between Bulwark and Jira", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraRetryLater(0, Optional.empty(), "Interrupted while waiting for Jira to answer " + request, e);
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private JsonNode parse(String body, String request) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new JiraException(0, request, List.of(), "Jira answered " + request + " with something that is not"
                    + " JSON; check that the base URL " + base + " is Jira's address and not a login page or proxy");
        }
    }
}
