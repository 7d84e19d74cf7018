package dev.bulwark.agent.admission;

import dev.bulwark.policy.text.Numbers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Docker API request as the engine hands it to an authorization plugin: who, what method and URI, the body
 * (only when the engine forwarded it: JSON under 1 MiB with a known length) and the headers.
 *
 * @param user       the authenticated user ({@code ""} on a local socket)
 * @param method     {@code GET}, {@code POST}, …
 * @param rawUri     the URI as the client sent it ({@code /v1.41/containers/create?name=web})
 * @param body       the request's body, empty when there was none or the engine did not forward it
 * @param headers    the request's headers, names in any case
 */
public record DockerRequest(String user, String method, String rawUri, byte[] body, Map<String, String> headers) {

    private static final Pattern VERSION = Pattern.compile("^/v(\\d+)\\.(\\d+)(/.*)?$");

    public DockerRequest {
        user = Objects.requireNonNullElse(user, "");
        method = Objects.requireNonNullElse(method, "");
        rawUri = Objects.requireNonNullElse(rawUri, "");
        body = Objects.requireNonNullElse(body, new byte[0]);
        TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        folded.putAll(Objects.requireNonNullElse(headers, Map.of()));
        headers = folded;
    }

    /**
     * The path the engine routes by: percent-decoded as the engine decodes it, without the API version prefix
     * ({@code /containers/create}); empty when the URI's path cannot be decoded (the request is then judged as one
     * the plugin cannot read).
     */
    public Optional<String> path() {
        return decodedPath().map(path -> {
            Matcher version = VERSION.matcher(path);
            return version.matches() ? Objects.requireNonNullElse(version.group(3), "/") : path;
        });
    }

    /** Whether the URI names an API version below {@code major.minor} (a URI without a version asks for the newest). */
    public boolean apiBelow(int major, int minor) {
        Matcher version = VERSION.matcher(decodedPath().orElse(""));
        if (!version.matches() || version.group(1).length() > 4 || version.group(2).length() > 4) {
            return false;
        }
        int askedMajor = Numbers.parseInt(version.group(1), "the API major version");
        int askedMinor = Numbers.parseInt(version.group(2), "the API minor version");
        return askedMajor < major || askedMajor == major && askedMinor < minor;
    }

    /** A query parameter, decoded ({@code name} of a create). */
    public Optional<String> query(String name) {
        int mark = rawUri.indexOf('?');
        if (mark < 0) {
            return Optional.empty();
        }
        for (String pair : rawUri.substring(mark + 1).split("&")) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return decode(eq < 0 ? "" : pair.substring(eq + 1).replace('+', ' '));
            }
        }
        return Optional.empty();
    }

    /** A header's value, if the client sent it. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    private Optional<String> decodedPath() {
        int mark = rawUri.indexOf('?');
        return decode(mark < 0 ? rawUri : rawUri.substring(0, mark));
    }

    /** Percent-decoding as Go's URL parser does it; empty for a malformed escape. */
    private static Optional<String> decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1)) || !HexFormat.isHexDigit(text.charAt(i + 2))) {
                return Optional.empty();
            }
            bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
            i += 2;
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
