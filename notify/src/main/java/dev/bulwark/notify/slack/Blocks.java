package dev.bulwark.notify.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/** Block Kit pieces, and the escaping and shortening that keep user text within Slack's rules. */
final class Blocks {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern LINKABLE = Pattern.compile("https?://[^\\s<>|]+");

    private Blocks() {
    }

    static ObjectNode header(String plainText) {
        ObjectNode block = JSON.objectNode().put("type", "header");
        block.putObject("text").put("type", "plain_text").put("text", truncate(plainText, SlackMessage.MAX_HEADER_TEXT)).put("emoji", true);
        return block;
    }

    static ObjectNode section(String mrkdwn) {
        ObjectNode block = JSON.objectNode().put("type", "section");
        block.putObject("text").put("type", "mrkdwn").put("text", truncate(mrkdwn, SlackMessage.MAX_SECTION_TEXT));
        return block;
    }

    static ObjectNode context(String mrkdwn) {
        ObjectNode block = JSON.objectNode().put("type", "context");
        block.putArray("elements").addObject().put("type", "mrkdwn").put("text", truncate(mrkdwn, SlackMessage.MAX_SECTION_TEXT));
        return block;
    }

    static ObjectNode divider() {
        return JSON.objectNode().put("type", "divider");
    }

    /** Text as Slack's mrkdwn shows it literally: {@code &}, {@code <} and {@code >} are control characters there. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A link when the URL is a plain http(s) URL Slack can show, else the label alone. */
    static String link(String url, String label) {
        if (url == null || !LINKABLE.matcher(url).matches()) {
            return escape(label);
        }
        return "<" + url.replace("&", "&amp;") + "|" + escape(label) + ">";
    }

    /**
     * The text cut to at most {@code max} characters, ending in an ellipsis when cut, without splitting a
     * surrogate pair or an escape like {@code &amp;}.
     */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int ampersand = text.lastIndexOf('&', end - 1);
        if (ampersand >= 0 && end - ampersand < 6 && text.indexOf(';', ampersand) >= end) {
            end = ampersand;
        }
        return text.substring(0, end) + "…";
    }
}
