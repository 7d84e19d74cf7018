package dev.bulwark.scanner.analyzer.npm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import java.io.IOException;
import java.util.Locale;

/** Reads the JSON files npm writes, with errors that name the file and the line. */
final class NpmJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NpmJson() {
    }

    /** The file's top-level object. */
    static JsonNode readObject(AnalyzerInput input) {
        String file = fileName(input.path());
        JsonNode root;
        try {
            root = MAPPER.readTree(input.content());
        } catch (JsonProcessingException e) {
            throw new MalformedNpmFileException(file + " is not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedNpmFileException(file + " could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedNpmFileException(file + " is empty");
        }
        if (!root.isObject()) {
            throw new MalformedNpmFileException(file + " holds a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        return root;
    }

    /** A field's text, or null when it is absent; a field that is not text is an error. */
    static String text(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedNpmFileException(where + " has a \"" + field + "\" that is not a string");
        }
        return value.asText();
    }

    /**
     * The outcome for a file that cannot be read as it should: malformed, or naming a package that is no valid npm
     * package (an entry without a name, say).
     */
    static AnalyzerOutcome.Failed failed(String analyzer, AnalyzerInput input, RuntimeException e) {
        return new AnalyzerOutcome.Failed(analyzer, input.path(), e instanceof MalformedNpmFileException ? e.getMessage()
                : "it names a package that is no valid npm package (" + e.getMessage() + ")");
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
