package dev.bulwark.scanner.analyzer.dpkg;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Debian control-file syntax: stanzas separated by blank lines, {@code Field: value}, continuation lines.
 * Read straight from the file's bytes, keeping only the fields asked for: a status file can be hundreds of
 * megabytes (or hostile, with a field continued for millions of lines), and holding all of it as text, or
 * joining continuation lines one by one, would cost memory and time the scan does not have.
 */
final class ControlStanzas {

    /** Longest value kept for a field; no field Bulwark reads is near it. */
    private static final int MAX_VALUE_CHARS = 64 << 10;

    private ControlStanzas() {
    }

    /** Calls {@code stanza} with each stanza's values of {@code fields} (those it has), in file order. */
    static void forEach(byte[] content, Set<String> fields, Consumer<Map<String, String>> stanza) {
        Map<String, StringBuilder> current = new LinkedHashMap<>();
        boolean inStanza = false;
        StringBuilder continued = null;
        int start = 0;
        while (start <= content.length) {
            int end = indexOfNewline(content, start);
            if (isBlank(content, start, end)) {
                if (inStanza && !current.isEmpty()) {
                    stanza.accept(values(current));
                }
                current = new LinkedHashMap<>();
                inStanza = false;
                continued = null;
            } else if (content[start] == ' ' || content[start] == '\t') {
                if (continued != null && continued.length() < MAX_VALUE_CHARS) {
                    continued.append('\n').append(text(content, start, end).strip());
                }
            } else {
                inStanza = true;
                int colon = indexOf(content, (byte) ':', start, end);
                continued = null;
                if (colon > start) {
                    String field = text(content, start, colon);
                    if (fields.contains(field)) {
                        continued = new StringBuilder(text(content, colon + 1, end).strip());
                        current.put(field, continued);
                    }
                }
            }
            start = end + 1;
        }
        if (inStanza && !current.isEmpty()) {
            stanza.accept(values(current));
        }
    }

    private static Map<String, String> values(Map<String, StringBuilder> stanza) {
        Map<String, String> values = new LinkedHashMap<>();
        stanza.forEach((field, value) -> values.put(field, value.length() > MAX_VALUE_CHARS
                ? value.substring(0, MAX_VALUE_CHARS) : value.toString()));
        return values;
    }

    private static int indexOfNewline(byte[] content, int from) {
        int newline = indexOf(content, (byte) '\n', from, content.length);
        return newline < 0 ? content.length : newline;
    }

    private static int indexOf(byte[] content, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte[] content, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != 0x0b && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] content, int from, int to) {
        return new String(content, from, to - from, StandardCharsets.UTF_8);
    }
}
