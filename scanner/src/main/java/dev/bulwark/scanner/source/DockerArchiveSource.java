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
 * A {@code docker save} archive: {@code manifest.json} names each image's config and layer files. When the
 * archive holds several images, the tag chooses one.
 */
public final class DockerArchiveSource implements ImageSource {

    private final Path archive;
    private final Optional<String> tag;
    private final ArchiveFiles files;

    public DockerArchiveSource(Path archive, Optional<String> tag) {
        this.archive = archive;
        this.tag = tag;
        this.files = ArchiveFiles.open(archive);
    }

    @Override
    public ResolvedImage resolve() {
        if (!files.exists("manifest.json")) {
            throw new ImageFormatException(archive + " has no manifest.json: it is not a docker save archive"
                    + (files.exists("index.json") ? " but an OCI layout; scan it as oci:" + archive : ""));
        }
        JsonNode entry = choose(Json.parse(files.read("manifest.json"), archive + "!manifest.json"));
        String configName = Json.text(entry, "Config", archive + "!manifest.json");
        byte[] configBytes = files.read(configName);
        ImageConfig config = ImageConfig.of(Json.parse(configBytes, archive + "!" + configName));
        List<LayerBlob> layers = new ArrayList<>();
        long size = 0;
        JsonNode layerNames = entry.path("Layers");
        for (int i = 0; i < layerNames.size(); i++) {
            String name = layerNames.get(i).asText();
            String diffId = i < config.diffIds().size() ? config.diffIds().get(i) : "";
            String digest = name.startsWith("blobs/sha256/") ? "sha256:" + name.substring("blobs/sha256/".length()) : diffId;
            var opener = files.opener(name);
            layers.add(new LayerBlob(diffId, digest, LayerOrigin.FILE, () -> Digests.verifying(opener.open(), digest, "layer " + name + " of " + archive)));
            size += files.size(name).orElse(0L);
        }
        String name = tag.orElseGet(() -> entry.path("RepoTags").path(0).asText(archive.toString()));
        return new ResolvedImage(name, Digests.sha256(configBytes), config, layers, size);
    }

    private JsonNode choose(JsonNode manifest) {
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new ImageFormatException(archive + "!manifest.json lists no image");
        }
        if (tag.isEmpty()) {
            if (manifest.size() > 1) {
                throw new ImageFormatException(archive + " holds " + manifest.size() + " images: name one, as in docker-archive:"
                        + archive + ":" + manifest.get(0).path("RepoTags").path(0).asText("TAG"));
            }
            return manifest.get(0);
        }
        for (JsonNode entry : manifest) {
            for (JsonNode repoTag : entry.path("RepoTags")) {
                if (repoTag.asText().equals(tag.get()) || repoTag.asText().equals(tag.get() + ":latest")) {
                    return entry;
                }
            }
        }
        throw new ImageFormatException(archive + " has no image tagged " + tag.get());
    }

    @Override
    public String describe() {
        return "docker-archive " + archive;
    }

    @Override
    public void close() {
        files.close();
    }
}
