package dev.bulwark.policy.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
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

    private final Map<String, JsonLocation> locations;

    private LocationIndex(Map<String, JsonLocation> locations) {
        this.locations = locations;
    }

    static LocationIndex of(YAMLFactory factory, byte[] yaml) throws IOException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = factory.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                locations.putIfAbsent(pointer.toString(), parser.currentTokenLocation());
            }
        }
        return new LocationIndex(locations);
    }

    /** The location of the pointer, or of its nearest ancestor that has one. */
    JsonLocation find(String pointer) {
        String current = pointer;
        while (true) {
            JsonLocation location = locations.get(current);
            if (location != null || current.isEmpty()) {
                return location;
            }
            int slash = current.lastIndexOf('/');
            current = slash <= 0 ? "" : current.substring(0, slash);
        }
    }
}
