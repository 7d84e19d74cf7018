package dev.bulwark.scanner.source;

import dev.bulwark.net.NetSettings;
import dev.bulwark.net.OutboundHttp;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Registry HTTP API v2 for one repository: GETs with the registry's authentication challenge answered
 * (Bearer token or Basic), and only plain HTTP where it was allowed.
 */
final class RegistryClient {

    private static final System.Logger LOG = System.getLogger(RegistryClient.class.getName());

    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final OutboundHttp net;
    private final HttpClient http;
    /** Bearer tokens by the scopes they were issued for: a push or a mount asks for more than a pull. */
    private final Map<String, String> tokens = new HashMap<>();
    private final String base;
    private final ImageRef image;
    private final Optional<RegistryCredentials> credentials;
    private final RegistryTimeouts timeouts;
    private String authorization;

    RegistryClient(ImageRef image, boolean plainHttp, Optional<RegistryCredentials> credentials) {
        this(image, plainHttp, credentials, RegistryTimeouts.DEFAULTS);
    }

    RegistryClient(ImageRef image, boolean plainHttp, Optional<RegistryCredentials> credentials, RegistryTimeouts timeouts) {
        this.image = image;
        this.credentials = credentials;
        this.timeouts = timeouts;
        NetSettings settings = NetSettings.fromEnvironment(System.getenv());
        this.net = OutboundHttp.of(timeouts.retries().map(count -> settings.withRetries(count, settings.firstRetryDelay())).orElse(settings));
        this.http = net.client(HttpClient.Redirect.NORMAL);
        String host = image.registry().equals(ImageRef.DOCKER_HUB) ? "registry-1.docker.io" : image.registry();
        this.base = (plainHttp ? "http://" : "https://") + host + "/v2/" + image.repository();
    }

    HttpResponse<InputStream> get(String path, String accept) {
        return send("GET", path, Map.of("Accept", accept), HttpRequest.BodyPublishers.noBody(), Set.of(200));
    }

    /**
     * Sends a request to a path of this repository (or to an absolute URL the registry gave, such as an upload
     * location), answering an authentication challenge once.
     *
     * @param expected the statuses that count as success; any other is an error naming the status
     */
    HttpResponse<InputStream> send(String method, String pathOrUrl, Map<String, String> headers,
                                   HttpRequest.BodyPublisher body, Set<Integer> expected) {
        URI uri = pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? URI.create(pathOrUrl)
                : pathOrUrl.startsWith("/v2/") ? URI.create(base.substring(0, base.indexOf("/v2/")) + pathOrUrl)
                : URI.create(base + pathOrUrl);
        HttpResponse<InputStream> response = send(method, uri, headers, body);
        if (response.statusCode() == 401) {
            // A new challenge (the first, or a wider scope: push, a mount from another repository) gets a new answer.
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            String answer = answer(challenge, uri);
            if (!answer.equals(authorization)) {
                drain(response);
                authorization = answer;
                response = send(method, uri, headers, body);
            }
        }
        if (!expected.contains(response.statusCode())) {
            int status = response.statusCode();
            String detail = errorDetail(response);
            throw new ImageFormatException(describe(status, uri) + detail);
        }
        return response;
    }

    private static String errorDetail(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String text = new String(in.readNBytes(2048), java.nio.charset.StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : " (" + text.replaceAll("\\s+", " ") + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private String describe(int status, URI uri) {
        return switch (status) {
            case 401, 403 -> "the registry " + image.registry() + " refused access to " + image + " (HTTP " + status + "): "
                    + (credentials.isPresent() ? "the credentials for it in " + RegistryCredentials.configFile()
                    + " were refused; check them and their permissions"
                    : "no credentials for it in " + RegistryCredentials.configFile() + " (credHelpers, credsStore, auths);"
                    + " log in with docker login " + image.registry());
            case 404 -> image + " is not in the registry (HTTP 404 for " + uri.getPath() + "): check the name and tag";
            default -> "the registry answered HTTP " + status + " for " + uri;
        };
    }

    private HttpResponse<InputStream> send(String method, URI uri, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = net.request(uri).timeout(timeouts.answer()).method(method, body);
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            boolean idempotent = method.equals("GET") || method.equals("HEAD");
            String what = "the answer of " + image.registry() + " to " + method + " " + uri.getPath();
            HttpResponse.BodyHandler<InputStream> guarded = info -> HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofInputStream(), in -> new ProgressGuardedStream(in, timeouts, what));
            return idempotent ? net.sendIdempotent(http, request.build(), guarded) : net.sendOnce(http, request.build(), guarded);
        } catch (HttpTimeoutException e) {
            throw new ImageFormatException("the registry " + image.registry() + " did not answer " + method + " " + uri.getPath()
                    + " within " + timeouts.answer().toSeconds() + " s: it is down or overloaded; try again later", e);
        } catch (IOException e) {
            throw new ImageFormatException("cannot reach the registry " + image.registry() + " (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "): check the name and the network; a registry that"
                    + " speaks plain HTTP must be named as an insecure registry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageFormatException("interrupted while talking to " + image.registry(), e);
        }
    }

    private String answer(String challenge, URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAM.matcher(challenge);
        while (matcher.find()) {
            params.put(matcher.group(1), matcher.group(2));
        }
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return credentials.map(RegistryCredentials::basic).orElseThrow(() -> new ImageFormatException(
                    image.registry() + " asks for a password, and " + RegistryCredentials.configFile() + " has none for it"
                            + " (credHelpers, credsStore, auths): log in with docker login " + image.registry()));
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6) || !params.containsKey("realm")) {
            throw new ImageFormatException(image.registry() + " answered 401 with a challenge Bulwark cannot answer: " + challenge);
        }
        String scope = params.getOrDefault("scope", "repository:" + image.repository() + ":pull");
        return tokens.computeIfAbsent(params.get("realm") + " " + params.getOrDefault("service", "") + " " + scope,
                key -> "Bearer " + token(params, scope));
    }

    /** A token for every scope of the challenge (space-separated, each its own {@code scope} parameter). */
    private String token(Map<String, String> params, String scopes) {
        StringBuilder query = new StringBuilder();
        if (params.containsKey("service")) {
            query.append("?service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
        }
        for (String scope : scopes.split(" ")) {
            if (!scope.isBlank()) {
                query.append(query.length() == 0 ? "?" : "&").append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
            }
        }
        HttpRequest.Builder request = net.request(URI.create(params.get("realm") + query)).GET();
        credentials.ifPresent(c -> request.header("Authorization", c.basic()));
        try {
            HttpResponse<byte[]> response = net.sendIdempotent(http, request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ImageFormatException("the token service of " + image.registry() + " answered HTTP " + response.statusCode()
                        + ": log in with docker login " + image.registry());
            }
            var document = Json.parse(response.body(), "token from " + params.get("realm"));
            String token = document.path("token").asText(document.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new ImageFormatException("the token service of " + image.registry() + " gave no token");
            }
            return token;
        } catch (IOException e) {
            throw new ImageFormatException("cannot reach the token service " + params.get("realm") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageFormatException("interrupted while fetching a registry token", e);
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.readAllBytes();
        } catch (IOException e) {
            // Safe to go on: the body of an error answer carries nothing the caller needs, and the caller reports the
            // status code; draining only frees the connection for reuse.
            LOG.log(System.Logger.Level.DEBUG, "could not drain the body of a registry error answer", e);
        }
    }
}
