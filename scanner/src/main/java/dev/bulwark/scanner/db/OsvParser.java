package dev.bulwark.scanner.db;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads an OSV record (from JSON or YAML, as a tree) and checks what matching depends on. */
final class OsvParser {

    private static final Set<String> EVENT_KINDS = Set.of("introduced", "fixed", "last_affected", "limit");

    private OsvParser() {
    }

    static OsvRecord parse(JsonNode node, String where, String source) {
        String id = text(node, "id", where);
        String at = where + " (" + id + ")";
        String modified = text(node, "modified", at);
        List<OsvRecord.Affected> affected = new ArrayList<>();
        JsonNode affectedNodes = node.path("affected");
        if (!affectedNodes.isMissingNode() && !affectedNodes.isNull() && !affectedNodes.isArray()) {
            throw new OsvFormatException(at + ": 'affected' is not a list; an OSV record lists its affected packages as"
                    + " an array of objects");
        }
        for (int i = 0; i < affectedNodes.size(); i++) {
            affected.add(affected(affectedNodes.get(i), at + " affected[" + i + "]"));
        }
        String summary = node.path("summary").asText("");
        if (summary.isBlank()) {
            summary = node.path("details").asText("").strip().lines().findFirst().orElse("");
        }
        List<String> references = new ArrayList<>();
        node.path("references").forEach(reference -> {
            if (reference.path("type").asText().equals("ADVISORY")) {
                references.add(0, reference.path("url").asText());
            } else {
                references.add(reference.path("url").asText());
            }
        });
        List<String> aliases = strings(node.path("aliases"));
        JsonNode dbSeverity = node.path("database_specific").path("severity");
        return new OsvRecord(id, instant(modified, at + " modified"), optionalInstant(node.path("published"), at),
                optionalInstant(node.path("withdrawn"), at), aliases, strings(node.path("upstream")),
                strings(node.path("related")), summary, severities(node.path("severity")),
                dbSeverity.isTextual() ? Optional.of(dbSeverity.asText()) : Optional.empty(),
                references.stream().filter(url -> !url.isBlank()).distinct().toList(), affected, source);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText().strip());
            }
        });
        return values;
    }

    private static OsvRecord.Affected affected(JsonNode node, String where) {
        JsonNode pkg = node.path("package");
        String ecosystem = text(pkg, "ecosystem", where + ".package");
        String name = text(pkg, "name", where + ".package");
        List<OsvRecord.Range> ranges = new ArrayList<>();
        JsonNode rangeNodes = node.path("ranges");
        if (!rangeNodes.isMissingNode() && !rangeNodes.isNull() && !rangeNodes.isArray()) {
            throw new OsvFormatException(where + ".ranges is not a list: OSV gives the ranges as an array of objects");
        }
        for (int r = 0; r < rangeNodes.size(); r++) {
            JsonNode range = rangeNodes.get(r);
            List<OsvRecord.Event> events = new ArrayList<>();
            for (JsonNode event : range.path("events")) {
                var fields = event.fields();
                if (!fields.hasNext()) {
                    throw new OsvFormatException(where + ".ranges[" + r + "] has an empty event");
                }
                var field = fields.next();
                if (!EVENT_KINDS.contains(field.getKey())) {
                    throw new OsvFormatException(where + ".ranges[" + r + "] has an unknown event '" + field.getKey()
                            + "': OSV events are introduced, fixed, last_affected and limit");
                }
                events.add(new OsvRecord.Event(field.getKey(), field.getValue().asText()));
            }
            ranges.add(new OsvRecord.Range(text(range, "type", where + ".ranges[" + r + "]"), events));
        }
        List<String> versions = new ArrayList<>();
        node.path("versions").forEach(version -> versions.add(version.asText()));
        return new OsvRecord.Affected(ecosystem, name, ranges, versions, severities(node.path("severity")));
    }

    private static List<OsvRecord.Severity> severities(JsonNode array) {
        List<OsvRecord.Severity> severities = new ArrayList<>();
        array.forEach(entry -> severities.add(new OsvRecord.Severity(entry.path("type").asText(), entry.path("score").asText())));
        return severities;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new OsvFormatException(where + " has no '" + field + "': it is not an OSV record");
        }
        return value.asText();
    }

    private static Optional<Instant> optionalInstant(JsonNode value, String where) {
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(instant(value.asText(), where)) : Optional.empty();
    }

    private static Instant instant(String text, String where) {
        try {
            return Instant.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z");
        } catch (DateTimeParseException e) {
            throw new OsvFormatException(where + ": '" + text + "' is not an RFC 3339 time", e);
        }
    }
}
