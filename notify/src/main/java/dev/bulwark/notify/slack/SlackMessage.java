package dev.bulwark.notify.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.notify.outcome.GateOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Slack message: Block Kit {@code blocks} and the plain {@code text} that notifications, screen readers and
 * old clients show instead. It is the body of an incoming-webhook POST as it is; {@code chat.postMessage}
 * adds the channel. The compact constructor holds it to Slack's limits, so Slack never refuses it for size.
 *
 * @param text   the fallback text (mrkdwn)
 * @param blocks the blocks; a copy is kept and a copy is returned
 */
public record SlackMessage(String text, ArrayNode blocks) {

    /** Slack takes at most 50 blocks in a message. */
    public static final int MAX_BLOCKS = 50;
    /** A section's (and a context element's) text may be 3000 characters at most. */
    public static final int MAX_SECTION_TEXT = 3000;
    /** A header's text may be 150 characters at most. */
    public static final int MAX_HEADER_TEXT = 150;
    /** Bulwark keeps the fallback text as short as a section's. */
    public static final int MAX_TEXT = 3000;

    private static final ObjectMapper JSON = new ObjectMapper();

    public SlackMessage {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a Slack message needs a fallback text for notifications");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a Slack message's text has " + text.length() + " characters; keep it within " + MAX_TEXT);
        }
        blocks = Objects.requireNonNullElseGet(blocks, JSON::createArrayNode).deepCopy();
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("a Slack message has " + blocks.size() + " blocks; Slack takes " + MAX_BLOCKS + " at most");
        }
        for (int i = 0; i < blocks.size(); i++) {
            checkLimits(blocks.get(i), i);
        }
    }

    /** A message of plain text only (cut to Slack's limit), such as a runtime alert. */
    public static SlackMessage plain(String text) {
        String cut = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
        return new SlackMessage(cut, null);
    }

    /** The message that tells a team what the gate decided about their image and what to do about it. */
    public static SlackMessage of(GateOutcome outcome) {
        return GateOutcomeMessage.compose(outcome);
    }

    /**
     * The outbox key for the Slack message about one gate run: the same build, image, stage and verdict give
     * the same key, so re-running the notification step does not post twice.
     */
    public static String idempotencyKey(GateOutcome outcome) {
        String run = outcome.buildUrl().map(Object::toString).orElse(outcome.at().toString());
        String key = String.join("\n", "slack", run, outcome.imageReference(), outcome.digest(), outcome.stage(),
                outcome.policyName(), outcome.verdict().word());
        return "slack-" + HexFormat.of().formatHex(sha256(key), 0, 16);
    }

    @Override
    public ArrayNode blocks() {
        return blocks.deepCopy();
    }

    /** The message as Slack's JSON: {@code {"text": …, "blocks": […]}}. */
    public String toJson() {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        body.set("blocks", blocks.deepCopy());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes could not be written as JSON", e);
        }
    }

    private static void checkLimits(JsonNode block, int index) {
        String type = block.path("type").asText();
        switch (type) {
            case "header" -> checkLength(block.path("text").path("text").asText(), MAX_HEADER_TEXT, "header", index);
            case "section" -> checkLength(block.path("text").path("text").asText(), MAX_SECTION_TEXT, "section", index);
            case "context" -> block.path("elements").forEach(element ->
                    checkLength(element.path("text").asText(), MAX_SECTION_TEXT, "context", index));
            default -> {
                // other block types carry no text Bulwark writes
            }
        }
    }

    private static void checkLength(String text, int max, String type, int index) {
        if (text.length() > max) {
            throw new IllegalArgumentException("block " + index + " (" + type + ") has " + text.length()
                    + " characters of text; Slack takes " + max + " at most");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java runtime must provide", e);
        }
    }
}
