package dev.bulwark.policy.pkg;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Percent-encoding as the purl specification asks: everything but unreserved characters is escaped. */
public final class PurlEncoding {

    private PurlEncoding() {
    }

    /**
     * The text with its percent-escapes decoded, a {@code +} kept as it is (purls escape spaces as %20).
     *
     * @throws InvalidPurlException when an escape is not % and two hex digits
     */
    public static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidPurlException("'" + part + "' is not percent-encoded right: write each escaped character"
                    + " as % and two hex digits, such as %40 for @");
        }
    }

    static String encode(String part) {
        return encode(part, "");
    }

    static String encodeQualifierValue(String value) {
        return encode(value, "/:");
    }

    static String encodeSegments(String path) {
        return eachSegment(path, PurlEncoding::encode);
    }

    /** The non-empty segments of a slash-separated path, each transformed, joined again with single slashes. */
    static String eachSegment(String path, UnaryOperator<String> transform) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).map(transform)
                .collect(Collectors.joining("/"));
    }

    private static String encode(String part, String alsoKept) {
        if (needsNoEscape(part, alsoKept)) {
            return part; // the common case, and purls are written often (every finding's subject)
        }
        StringBuilder out = new StringBuilder();
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c) || alsoKept.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean needsNoEscape(String part, String alsoKept) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!isUnreserved(c) && alsoKept.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
