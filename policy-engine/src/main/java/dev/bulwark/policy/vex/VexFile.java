package dev.bulwark.policy.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** A parsed VEX document and where it came from, so that readers can name the file in sources and errors. */
record VexFile(Path path, JsonNode root) {

    /** The document's root, to read fields with locations. */
    JsonAt top() {
        return new JsonAt(this, "", root);
    }

    /** The {@code source} of a statement: {@code <file name>#<document id> <location>}. */
    String source(String documentId, String location) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return name + (documentId.isEmpty() ? "" : "#" + documentId) + " " + location;
    }

    VexFormatException problem(String location, String message) {
        return new VexFormatException(path, location, message);
    }
}
