package dev.bulwark.policy.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob over absolute paths, as runtime rules write them: {@code *} matches within one path segment,
 * {@code **} across segments ({@code /usr/**} is everything under /usr, {@code **}{@code /sh} is {@code sh} in
 * any directory, {@code /usr/**}{@code /nc} is {@code nc} anywhere under /usr, /usr/nc included) and {@code ?}
 * one character of a segment. Paths are normalised ({@code //}, {@code .} and {@code ..} resolved) before they
 * are matched, so {@code /bin/../bin/sh} cannot slip past {@code /bin/sh}.
 *
 * @param text the glob as written
 */
public record PathGlob(String text) {

    public PathGlob {
        Objects.requireNonNull(text, "text");
    }

    /** Whether the path matches the glob. */
    public boolean matches(String path) {
        return regex().matcher(normalize(path)).matches();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (text.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The absolute form of a path: repeated slashes, {@code .} and {@code ..} resolved. */
    public static String normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}
