package dev.bulwark.policy.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of a YAML document starts, by JSON pointer ({@code /stages/1/extends}), so that
 * problems found after binding can still be shown at their line and column.
 */
final class LocationIndex {

    private final Map<String, JsonLocation> values;
    private final Map<String, JsonLocation> keys;

    private LocationIndex(Map<String, JsonLocation> values, Map<String, JsonLocation> keys) {
        this.values = values;
        this.keys = keys;
    }

    static LocationIndex of(YAMLFactory factory, byte[] yaml) throws IOException {
        Map<String, JsonLocation> values = new HashMap<>();
        Map<String, JsonLocation> keys = new HashMap<>();
        try (JsonParser parser = factory.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = pointerOf(parser, token);
                (token == JsonToken.FIELD_NAME ? keys : values).putIfAbsent(pointer, parser.currentTokenLocation());
            }
        }
        return new LocationIndex(values, keys);
    }

    private static String pointerOf(JsonParser parser, JsonToken token) {
        JsonStreamContext context = parser.getParsingContext();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        return context == null ? "" : context.pathAsPointer().toString();
    }

    /** Where the key of the pointer is written, or where its value or nearest ancestor is. */
    JsonLocation findKey(String pointer) {
        JsonLocation key = keys.get(pointer);
        return key != null ? key : find(pointer);
    }

    /** The location of the pointer's value, or of its nearest ancestor that has one. */
    JsonLocation find(String pointer) {
        String current = pointer;
        while (true) {
            JsonLocation location = values.get(current);
            if (location != null || current.isEmpty()) {
                return location;
            }
            int slash = current.lastIndexOf('/');
            current = slash <= 0 ? "" : current.substring(0, slash);
        }
    }
}
