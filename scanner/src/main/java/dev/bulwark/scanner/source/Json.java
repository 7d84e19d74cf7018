package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.scanner.image.ImageFormatException;
import java.io.IOException;

/** JSON documents of image formats (manifests, indexes, configs), with errors that name the document. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(byte[] bytes, String what) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new ImageFormatException(what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new ImageFormatException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new ImageFormatException(what + " has no '" + field + "'");
        }
        return value.asText();
    }
}
