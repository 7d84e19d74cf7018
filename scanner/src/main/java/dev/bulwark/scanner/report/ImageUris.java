package dev.bulwark.scanner.report;

import java.nio.charset.StandardCharsets;

/**
 * Paths inside an image as relative URI references (RFC 3986), for SARIF's {@code artifactLocation.uri}:
 * {@code var/lib/dpkg/status}, {@code app.war!/WEB-INF/lib/x.jar}. Every byte outside the characters a path
 * segment may hold is percent-encoded, and so is every colon, so no first segment can read as a scheme.
 */
final class ImageUris {

    private static final String SEGMENT_SAFE = "-._~!$&'()*+,;=@";

    private ImageUris() {
    }

    /** The path, relative to the image root, as a URI reference. */
    static String of(String path) {
        String relative = path.replace('\\', '/').replaceFirst("^/+", "");
        StringBuilder uri = new StringBuilder();
        for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || isAsciiLetterOrDigit(c) || SEGMENT_SAFE.indexOf(c) >= 0) {
                uri.append(c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return uri.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
