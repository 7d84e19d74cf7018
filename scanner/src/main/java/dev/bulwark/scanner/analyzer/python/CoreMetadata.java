package dev.bulwark.scanner.analyzer.python;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of a Python core metadata file (METADATA, PKG-INFO), which is written like an e-mail: headers
 * ({@code Name: PyYAML}), lines that start with white space continuing the previous header, then an empty line
 * and the long description as the body. The body is free text and may itself hold lines such as
 * {@code Version: 2}, so reading stops at the empty line.
 */
final class CoreMetadata {

    private CoreMetadata() {
    }

    /** The first value of each header, keyed by its name in lower case (header names are case-insensitive). */
    static Map<String, String> headers(String text) {
        Map<String, String> headers = new HashMap<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (Character.isWhitespace(line.charAt(0)) || colon <= 0) {
                continue;
            }
            headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }
}
