package dev.bulwark.notify.jira;

import java.util.stream.Collectors;

/**
 * Writes {@link RichText} as Jira wiki markup, the text Jira Data Center's REST v2 takes for descriptions and
 * comments ({@code h3.}, {@code *bold*}, {@code {{code}}}, {@code [text|url]}, {@code * item}).
 *
 * <p>Text from findings (package names, advice) is escaped so that {@code *}, {@code _} or {@code [} in it show
 * as written instead of turning into markup.
 */
final class WikiMarkupWriter {

    private static final String SPECIAL = "\\*_{}[]|^~+!?";

    private WikiMarkupWriter() {
    }

    static String write(RichText text) {
        return text.blocks().stream().map(WikiMarkupWriter::block).collect(Collectors.joining("\n\n"));
    }

    private static String block(RichText.Block block) {
        return block.match(
                heading -> "h3. " + escape(heading.text()),
                paragraph -> lineStart(paragraph(paragraph)),
                bullets -> bullets.items().stream().map(item -> "* " + paragraph(item)).collect(Collectors.joining("\n")));
    }

    private static String paragraph(RichText.Paragraph paragraph) {
        return paragraph.inlines().stream().map(WikiMarkupWriter::inline).collect(Collectors.joining());
    }

    private static String inline(RichText.Inline inline) {
        return inline.match(
                plain -> escape(plain.text()),
                strong -> "*" + escape(strong.text()) + "*",
                code -> "{{" + escape(code.text()) + "}}",
                link -> {
                    String href = link.href().toString();
                    return link.text().equals(href) ? "[" + href + "]" : "[" + escape(link.text()) + "|" + href + "]";
                });
    }

    // A paragraph that starts with '-' or '#' would become a list item.
    private static String lineStart(String line) {
        return line.startsWith("-") || line.startsWith("#") ? "\\" + line : line;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
