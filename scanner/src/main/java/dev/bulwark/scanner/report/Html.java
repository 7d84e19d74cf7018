package dev.bulwark.scanner.report;

/** HTML escaping: every piece of report text goes through here before it reaches the page. */
final class Html {

    private Html() {
    }

    /** The text, safe in element content and in double-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(Character.isISOControl(cp) && cp != '\n' && cp != '\t' ? 0xFFFD : cp);
            }
        });
        return out.toString();
    }

    /** A link when the text is an http(s) URL, else the escaped text: a report never links anything else. */
    static String link(String text) {
        if (!ReportFacts.isWebUrl(text)) {
            return escape(text);
        }
        return "<a href=\"" + escape(text) + "\" rel=\"noopener noreferrer\">" + escape(text) + "</a>";
    }

    /** A table cell. */
    static String cell(String escapedHtml) {
        return "<td>" + escapedHtml + "</td>";
    }
}
