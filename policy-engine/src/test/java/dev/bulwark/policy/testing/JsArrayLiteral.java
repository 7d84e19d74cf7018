package dev.bulwark.policy.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the array literal a CommonJS test fixture exports ({@code module.exports = [ ... ]}), such as
 * node-semver's fixtures, without running JavaScript.
 *
 * <p>Values become Java objects: strings, {@link Boolean}, {@link Double} (numbers, {@code NaN}),
 * {@code null}, {@link #UNDEFINED}, {@link Regex}, {@link List} (arrays) and {@link Map} (objects).
 * Comments are skipped. Anything else is an error naming the offset.
 */
public final class JsArrayLiteral {

    /** JavaScript's {@code undefined}. */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    /** A regular-expression literal such as {@code /asdf/}. */
    public record Regex(String source) {
    }

    private final String text;
    private int position;

    private JsArrayLiteral(String text, int position) {
        this.text = text;
        this.position = position;
    }

    /** The array assigned to {@code module.exports}. */
    public static List<Object> exportedArray(String source) {
        int assignment = source.indexOf("module.exports");
        if (assignment < 0) {
            throw new IllegalArgumentException("no module.exports in fixture");
        }
        JsArrayLiteral reader = new JsArrayLiteral(source, source.indexOf('=', assignment) + 1);
        Object value = reader.value();
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("module.exports is not an array");
        }
        return List.copyOf(list);
    }

    /** JavaScript truthiness: false, 0, NaN, "", null and undefined are falsy. */
    public static boolean truthy(Object value) {
        if (value == null || value == UNDEFINED) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Double number) {
            return number != 0 && !number.isNaN();
        }
        return !(value instanceof String string) || !string.isEmpty();
    }

    private Object value() {
        skipSpaceAndComments();
        char c = peek();
        if (c == '[') {
            return array();
        }
        if (c == '{') {
            return object();
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '/') {
            return regex();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        return keyword();
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        position++;
        while (true) {
            skipSpaceAndComments();
            if (peek() == ']') {
                position++;
                return items;
            }
            items.add(value());
            skipSpaceAndComments();
            if (peek() == ',') {
                position++;
            }
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        position++;
        while (true) {
            skipSpaceAndComments();
            if (peek() == '}') {
                position++;
                return members;
            }
            String key = peek() == '\'' || peek() == '"' ? string() : identifier();
            skipSpaceAndComments();
            expect(':');
            members.put(key, value());
            skipSpaceAndComments();
            if (peek() == ',') {
                position++;
            }
        }
    }

    private String string() {
        char quote = text.charAt(position++);
        StringBuilder out = new StringBuilder();
        while (peek() != quote) {
            char c = text.charAt(position++);
            if (c == '\\') {
                char escaped = text.charAt(position++);
                out.append(switch (escaped) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else {
                out.append(c);
            }
        }
        position++;
        return out.toString();
    }

    private Regex regex() {
        int start = ++position;
        while (peek() != '/') {
            position++;
        }
        String source = text.substring(start, position++);
        while (Character.isLetter(peek())) {
            position++; // flags
        }
        return new Regex(source);
    }

    private Double number() {
        int start = position;
        while (position < text.length() && "-+.0123456789eE".indexOf(peek()) >= 0) {
            position++;
        }
        return Double.valueOf(text.substring(start, position));
    }

    private Object keyword() {
        int start = position;
        String word = identifier();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            case "undefined" -> UNDEFINED;
            case "NaN" -> Double.NaN;
            default -> throw new IllegalArgumentException("unexpected '" + word + "' at offset " + start);
        };
    }

    private String identifier() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$')) {
            position++;
        }
        if (start == position) {
            throw new IllegalArgumentException("unexpected '" + peek() + "' at offset " + start);
        }
        return text.substring(start, position);
    }

    private void skipSpaceAndComments() {
        while (position < text.length()) {
            if (Character.isWhitespace(peek())) {
                position++;
            } else if (text.startsWith("//", position)) {
                int end = text.indexOf('\n', position);
                position = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", position)) {
                position = text.indexOf("*/", position) + 2;
            } else {
                return;
            }
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at offset " + position);
        }
        position++;
    }

    private char peek() {
        if (position >= text.length()) {
            throw new IllegalArgumentException("fixture ends inside a literal");
        }
        return text.charAt(position);
    }
}
