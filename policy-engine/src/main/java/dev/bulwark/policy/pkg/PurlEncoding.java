package dev.bulwark.policy.pkg;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Percent-encoding as the purl specification asks: everything but unreserved characters is escaped. */
final class PurlEncoding {

    private PurlEncoding() {
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

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
