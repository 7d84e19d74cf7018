package dev.bulwark.policy.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A node of a VEX document together with its JSON path ({@code statements[3].products[0]}), so that every
 * error can say exactly where it is.
 */
record JsonAt(VexFile file, String location, JsonNode node) {

    /** Whether the field is present and not null. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The field, which may be missing (then its node is a missing node). */
    JsonAt child(String field) {
        return new JsonAt(file, path(field), node.path(field));
    }

    /** A string field; empty when missing, null or blank; an error when it holds anything but a string. */
    Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw problemAt(field, "must be a string, not " + value.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    /** The elements of an array field; empty when missing or null; an error when it is not an array. */
    List<JsonAt> items(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw problemAt(field, "must be an array, not " + value.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<JsonAt> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new JsonAt(file, path(field) + "[" + i + "]", value.get(i)));
        }
        return items;
    }

    /** An error at this node. */
    VexFormatException problem(String message) {
        return file.problem(location, message);
    }

    /** An error at one of this node's fields. */
    VexFormatException problemAt(String field, String message) {
        return file.problem(path(field), message);
    }

    private String path(String field) {
        return location.isEmpty() ? field : location + "." + field;
    }
}
