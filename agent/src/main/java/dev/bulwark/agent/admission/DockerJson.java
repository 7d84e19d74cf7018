package dev.bulwark.agent.admission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Docker API body as the engine reads it. The engine's JSON decoder matches keys without regard to case
 * ({@code hostconfig}, {@code PRIVILEGED} and a Kelvin sign for {@code k} all count), so this does too; a body that
 * names one key twice, in any spelling, is refused rather than guessed at.
 */
final class DockerJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DockerJson() {
    }

    /** The body as a JSON object. */
    static JsonNode object(byte[] body, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableRequestException(what + " is not JSON the plugin can read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableRequestException(what + " could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableRequestException(what + " is not a JSON object");
        }
        refuseAmbiguousKeys(node, what);
        return node;
    }

    /** A field by name, in any case; missing when absent or null. */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return MissingNode.getInstance();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (fold(field.getKey()).equals(fold(name))) {
                return field.getValue().isNull() ? MissingNode.getInstance() : field.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    static boolean flag(JsonNode object, String name, String where) {
        JsonNode value = field(object, name);
        if (value.isMissingNode()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new UnreadableRequestException(where + "." + name + " is not true or false");
        }
        return value.booleanValue();
    }

    static String text(JsonNode object, String name, String where) {
        JsonNode value = field(object, name);
        if (value.isMissingNode()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new UnreadableRequestException(where + "." + name + " is not a string");
        }
        return value.textValue();
    }

    static List<String> texts(JsonNode object, String name, String where) {
        JsonNode value = field(object, name);
        List<String> texts = new ArrayList<>();
        if (value.isMissingNode()) {
            return texts;
        }
        if (!value.isArray()) {
            throw new UnreadableRequestException(where + "." + name + " is not a list");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new UnreadableRequestException(where + "." + name + " holds something other than strings");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** A key as the engine compares keys: Unicode case folding, in which the Kelvin sign is k and the long s is s. */
    private static String fold(String key) {
        return key.replace('\u212A', 'k').replace('\u017F', 's').toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
    }

    private static void refuseAmbiguousKeys(JsonNode node, String what) {
        if (node.isObject()) {
            List<String> seen = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String folded = fold(field.getKey());
                if (seen.contains(folded)) {
                    throw new UnreadableRequestException(what + " names the key '" + field.getKey() + "' twice (keys are"
                            + " compared without regard to case): send each key once");
                }
                seen.add(folded);
                refuseAmbiguousKeys(field.getValue(), what);
            }
        } else if (node.isArray()) {
            node.forEach(item -> refuseAmbiguousKeys(item, what));
        }
    }
}
