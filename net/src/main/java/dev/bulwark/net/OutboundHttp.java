package dev.bulwark.net;

import dev.bulwark.policy.text.Numbers;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Every outbound HTTP call Bulwark makes (registries, vulnerability database downloads, Jira, Slack) goes through
 * clients made here: the environment's proxies and NO_PROXY ({@link ProxyRules}), a {@code User-Agent: bulwark/VERSION},
 * a connect timeout, the system trust store plus an optional CA file ({@code BULWARK_CA_FILE}), and, for idempotent
 * calls, retries with exponential backoff and jitter on a reset connection, 429 and 5xx (502, 503, 504), honouring
 * {@code Retry-After}.
 */
public final class OutboundHttp {

    private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final NetSettings settings;
    private final javax.net.ssl.SSLContext tls;

    private OutboundHttp(NetSettings settings) {
        this.settings = settings;
        this.tls = Trust.context(settings.caFile());
    }

    /** Clients as the settings say. */
    public static OutboundHttp of(NetSettings settings) {
        return new OutboundHttp(settings);
    }

    /** Clients as this process's environment says. */
    public static OutboundHttp fromEnvironment() {
        return of(NetSettings.fromEnvironment(System.getenv()));
    }

    public NetSettings settings() {
        return settings;
    }

    /** A client that follows redirects as asked and sends through the environment's proxy. */
    public HttpClient client(HttpClient.Redirect redirects) {
        return builder().followRedirects(redirects).build();
    }

    /** A client builder with the proxy, trust and connect timeout set, for a caller that needs more (HTTP/1.1). */
    public HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .proxy(new EnvironmentProxySelector(settings.proxies())).sslContext(tls);
    }

    /** The User-Agent every request carries: {@code bulwark/VERSION}. */
    public static String userAgent() {
        return NetSettings.defaultUserAgent();
    }

    /** A request with Bulwark's User-Agent. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("User-Agent", settings.userAgent());
    }

    /** The proxy a URL is reached through, as messages name it ({@code none} when direct). */
    public String proxyFor(URI uri) {
        return settings.proxies().describe(uri);
    }

    /**
     * Sends an idempotent request (GET, HEAD, PUT of the same bytes), again after a reset connection or an answer of
     * 429, 502, 503 or 504, up to the settings' retries; the last answer is returned whatever it is.
     *
     * @throws IOException when the last attempt could not connect (the message names the proxy, if one was used)
     */
    public <T> HttpResponse<T> sendIdempotent(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        RetryPolicy<HttpResponse<T>> policy = RetryPolicy.<HttpResponse<T>>builder()
                .handle(IOException.class)
                .abortOn(InterruptedIOException.class)
                .handleResultIf(response -> RETRIED.contains(response.statusCode()))
                .withMaxRetries(settings.retries())
                .withBackoff(settings.firstRetryDelay(), settings.firstRetryDelay().multipliedBy(32))
                .withJitter(0.25)
                // Jitter (up to a quarter either way) applies to a Retry-After too: ask for a third more, never less than it said.
                .withDelayFn(context -> retryAfter(context.getLastResult()).map(wait -> wait.multipliedBy(4).dividedBy(3))
                        .orElse(Duration.ofMillis(-1)))
                .onFailedAttempt(event -> close(event.getLastResult()))
                .build();
        try {
            return Failsafe.with(policy).get(() -> client.send(request, handler));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e.getCause() instanceof IOException io) {
                throw withProxy(io, request.uri());
            }
            throw e;
        }
    }

    /** Sends a request that must not be repeated (a POST), through the proxy; a failure names the proxy. */
    public <T> HttpResponse<T> sendOnce(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw withProxy(e, request.uri());
        }
    }

    private IOException withProxy(IOException e, URI uri) {
        String proxy = proxyFor(uri);
        if (proxy.equals("none")) {
            return e;
        }
        return new IOException((e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + " (through the proxy "
                + proxy + " from https_proxy/http_proxy; list the host in no_proxy to reach it directly)", e);
    }

    /** A {@code Retry-After} of seconds or an HTTP date, capped at a minute. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        if (response == null) {
            return Optional.empty();
        }
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Duration wait;
        String value = header.get();
        if (!value.isEmpty() && value.length() <= 9 && value.chars().allMatch(Character::isDigit)) {
            wait = Duration.ofSeconds(Numbers.parseLong(header.get(), "the Retry-After header"));
        } else {
            try {
                wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    private static void close(HttpResponse<?> response) {
        if (response != null && response.body() instanceof Closeable body) {
            try {
                body.close();
            } catch (IOException e) {
                System.getLogger(OutboundHttp.class.getName()).log(System.Logger.Level.DEBUG,
                        "closing the body of a response that will be retried: " + e.getMessage());
            }
        }
    }
}
