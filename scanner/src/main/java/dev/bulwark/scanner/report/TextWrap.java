package dev.bulwark.scanner.report;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for terminal text. A word longer than the width (a path, a URL) gets a line of its own. */
final class TextWrap {

    private TextWrap() {
    }

    /**
     * The text as lines of at most {@code width} characters, the first starting with {@code first} and the others
     * with {@code rest} (indents count towards the width); only a single word too long to fit makes a longer line.
     */
    static List<String> wrap(String text, int width, String first, String rest) {
        List<String> lines = new ArrayList<>();
        String indent = first;
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.strip().split("\\s+")) {
            boolean empty = line.length() == indent.length();
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                indent = rest;
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text cut to the width, with an ellipsis when it was longer. */
    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
