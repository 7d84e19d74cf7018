package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.scanner.image.ImageFormatException;
import java.util.ArrayList;
import java.util.List;

/** Picks the manifest for a platform out of an image index or manifest list. */
final class ManifestSelection {

    private ManifestSelection() {
    }

    static boolean isIndex(JsonNode document) {
        return MediaTypes.INDEXES.contains(document.path("mediaType").asText())
                || (document.has("manifests") && !document.has("layers"));
    }

    /** The digest of the index entry for the platform. */
    static String forPlatform(JsonNode index, Platform platform, String what) {
        List<JsonNode> entries = new ArrayList<>();
        index.path("manifests").forEach(entries::add);
        return forPlatform(entries, platform, what);
    }

    /** The digest of the entry for the platform, among index entries. */
    static String forPlatform(List<JsonNode> entries, Platform platform, String what) {
        List<String> available = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode entryPlatform = entry.path("platform");
            if (entryPlatform.isMissingNode()) {
                continue;
            }
            if (platform.matches(entryPlatform)) {
                return Json.text(entry, "digest", what);
            }
            String variant = entryPlatform.path("variant").asText("");
            available.add(entryPlatform.path("os").asText() + "/" + entryPlatform.path("architecture").asText()
                    + (variant.isEmpty() ? "" : "/" + variant));
        }
        if (available.isEmpty() && entries.size() == 1) {
            return Json.text(entries.get(0), "digest", what);
        }
        throw new ImageFormatException(what + " has no image for " + platform + ": choose one of " + available + " as the platform");
    }
}
