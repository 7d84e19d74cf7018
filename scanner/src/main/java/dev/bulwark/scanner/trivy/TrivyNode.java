package dev.bulwark.scanner.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A node of a Trivy report with its JSON path ({@code Results[1].Vulnerabilities[3]}), so that every error can say
 * exactly where it is. Missing and null fields read as absent; fields of the wrong JSON type are errors.
 */
record TrivyNode(Path file, String location, JsonNode node) {

    /** The field, which may be missing (then its node is a missing node). */
    TrivyNode child(String field) {
        return new TrivyNode(file, path(field), node.path(field));
    }

    /** Whether the field is present and not null. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** A string field, stripped; empty when missing, null or blank; an error when it holds anything but a string. */
    Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw problemAt(field, "must be a string, not " + typeOf(value));
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    /** A string field that must be there. */
    String requiredText(String field, String why) {
        return text(field).orElseThrow(() -> problem("has no " + field + ": " + why));
    }

    /** A number field; empty when missing or null; an error when it holds anything but a number. */
    Optional<Double> number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw problemAt(field, "must be a number, not " + typeOf(value));
        }
        return Optional.of(value.asDouble());
    }

    /** The elements of an array field; empty when missing or null; an error when it is not an array. */
    List<TrivyNode> items(String field) {
        JsonNode value = container(field, JsonNode::isArray, "an array");
        List<TrivyNode> items = new ArrayList<>();
        for (int i = 0; value != null && i < value.size(); i++) {
            items.add(new TrivyNode(file, path(field) + "[" + i + "]", value.get(i)));
        }
        return items;
    }

    /** The strings of an array field; an error when an element is not a string. */
    List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        for (TrivyNode item : items(field)) {
            if (!item.node.isTextual()) {
                throw item.problem("must be a string, not " + typeOf(item.node));
            }
            if (!item.node.asText().isBlank()) {
                texts.add(item.node.asText().strip());
            }
        }
        return texts;
    }

    /** The members of an object field, in document order; empty when missing or null; an error when not an object. */
    List<Map.Entry<String, TrivyNode>> members(String field) {
        JsonNode value = container(field, JsonNode::isObject, "an object");
        List<Map.Entry<String, TrivyNode>> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : value == null ? Set.<Map.Entry<String, JsonNode>>of() : value.properties()) {
            members.add(Map.entry(member.getKey(), new TrivyNode(file, path(field) + "." + member.getKey(), member.getValue())));
        }
        return members;
    }

    /** An error at this node. */
    TrivyReportException problem(String message) {
        return new TrivyReportException(file, location, message, null);
    }

    /** An error at one of this node's fields. */
    TrivyReportException problemAt(String field, String message) {
        return problemAt(field, message, null);
    }

    /** An error at one of this node's fields, caused by another. */
    TrivyReportException problemAt(String field, String message, Throwable cause) {
        return new TrivyReportException(file, path(field), message, cause);
    }

    private JsonNode container(String field, Predicate<JsonNode> kind, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!kind.test(value)) {
            throw problemAt(field, "must be " + what + ", not " + typeOf(value));
        }
        return value;
    }

    private String path(String field) {
        return location.isEmpty() ? field : location + "." + field;
    }

    private static String typeOf(JsonNode value) {
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
