package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.image.ImageConfig;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.image.LayerBlob;
import dev.bulwark.scanner.image.LayerOrigin;
import dev.bulwark.scanner.image.ResolvedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An OCI image layout, as a directory or a tar of one: {@code index.json} points at manifests (or at image
 * indexes, from which the platform chooses), whose blobs live in {@code blobs/<alg>/<hex>}. A reference
 * name ({@code org.opencontainers.image.ref.name}) chooses among several images.
 */
public final class OciLayoutSource implements ImageSource {

    private static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final Path layout;
    private final Optional<String> reference;
    private final Platform platform;
    private final ArchiveFiles files;

    public OciLayoutSource(Path layout, Optional<String> reference, Platform platform) {
        this.layout = layout;
        this.reference = reference;
        this.platform = platform;
        this.files = ArchiveFiles.open(layout);
    }

    @Override
    public ResolvedImage resolve() {
        if (!files.exists("index.json")) {
            throw new ImageFormatException(layout + " has no index.json: it is not an OCI image layout");
        }
        JsonNode manifest = manifest(chooseFromIndex(Json.parse(files.read("index.json"), layout + "!index.json")));
        String configDigest = Json.text(manifest.path("config"), "digest", "manifest of " + layout);
        byte[] configBytes = blob(configDigest);
        ImageConfig config = ImageConfig.of(Json.parse(configBytes, "config " + configDigest));
        List<LayerBlob> layers = new ArrayList<>();
        long size = 0;
        JsonNode descriptors = manifest.path("layers");
        for (int i = 0; i < descriptors.size(); i++) {
            String digest = Json.text(descriptors.get(i), "digest", "layer " + i + " of " + layout);
            var opener = files.opener(blobPath(digest));
            layers.add(new LayerBlob(i < config.diffIds().size() ? config.diffIds().get(i) : "", digest, LayerOrigin.FILE,
                    () -> Digests.verifying(opener.open(), digest, "layer " + digest + " of " + layout)));
            size += descriptors.get(i).path("size").asLong(0);
        }
        return new ResolvedImage(reference.orElse(layout.toString()), Digests.sha256(configBytes), config, layers, size);
    }

    private String chooseFromIndex(JsonNode index) {
        List<JsonNode> candidates = new ArrayList<>();
        index.path("manifests").forEach(candidates::add);
        if (reference.isPresent()) {
            candidates.removeIf(entry -> !reference.get().equals(entry.path("annotations").path(REF_NAME).asText()));
            if (candidates.isEmpty()) {
                throw new ImageFormatException(layout + " has no image named " + reference.get() + " (" + REF_NAME + ")");
            }
        }
        if (candidates.size() == 1 || candidates.stream().noneMatch(entry -> entry.has("platform"))) {
            if (candidates.isEmpty()) {
                throw new ImageFormatException(layout + "!index.json lists no image");
            }
            return Json.text(candidates.get(0), "digest", layout + "!index.json");
        }
        return ManifestSelection.forPlatform(candidates, platform, layout + "!index.json");
    }

    private JsonNode manifest(String digest) {
        JsonNode document = Json.parse(blob(digest), "manifest " + digest);
        for (int depth = 0; ManifestSelection.isIndex(document); depth++) {
            if (depth > 4) {
                throw new ImageFormatException(layout + " nests image indexes more than 4 deep");
            }
            String chosen = ManifestSelection.forPlatform(document, platform, "index " + digest + " in " + layout);
            document = Json.parse(blob(chosen), "manifest " + chosen);
        }
        return document;
    }

    private byte[] blob(String digest) {
        byte[] bytes = files.read(blobPath(digest));
        if (!Digests.sha256(bytes).equals(digest)) {
            throw new ImageFormatException("blob " + digest + " in " + layout + " does not match its digest: the layout is corrupt");
        }
        return bytes;
    }

    private static String blobPath(String digest) {
        int colon = digest.indexOf(':');
        if (colon <= 0 || !digest.substring(colon + 1).matches("[a-f0-9]{32,}")) {
            throw new ImageFormatException("'" + digest + "' is not a digest");
        }
        return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    @Override
    public String describe() {
        return "OCI layout " + layout;
    }

    @Override
    public void close() {
        files.close();
    }
}
