package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.docker.DockerEngineException;
import dev.bulwark.scanner.image.ImageConfig;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.image.LayerBlob;
import dev.bulwark.scanner.image.LayerOrigin;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.model.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image in the local Docker engine. What the engine's inspect says (config, diffIDs) is enough to resolve it,
 * so a scan whose layers are all cached never exports the image. The first layer that must be read makes the
 * engine export the image ({@code docker save}) into a private temp file, read as a {@link DockerArchiveSource}
 * whose config must be the one inspected; the file is removed when the source closes.
 */
public final class DaemonSource implements ImageSource {

    /** Writes the inspect response back as the Engine API sent it ({@code "ExposedPorts": {"80/tcp": {}}}). */
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final DockerEngine engine;
    private final ImageRef image;
    private final PrivateTemp temp = new PrivateTemp("daemon");
    private DockerArchiveSource archive;
    private String inspectedId;
    private ResolvedImage exported;

    public DaemonSource(DockerEngine engine, ImageRef image) {
        this.engine = engine;
        this.image = image;
    }

    @Override
    public ResolvedImage resolve() {
        InspectImageResponse inspected = engine.inspectImage(image);
        inspectedId = inspected.getId();
        ImageConfig config = ImageConfig.of(configDocument(inspected));
        List<LayerBlob> layers = new ArrayList<>();
        for (int i = 0; i < config.diffIds().size(); i++) {
            int index = i;
            String diffId = config.diffIds().get(i);
            // The engine keeps its layers by diffID and checked them when it stored them: they are its own.
            layers.add(new LayerBlob(diffId, diffId, LayerOrigin.ENGINE, () -> exportedLayer(index).opener().open()));
        }
        long size = inspected.getSize() == null ? 0 : inspected.getSize();
        return new ResolvedImage(image.familiar(), inspected.getId(), config, layers, size);
    }

    /** The inspect response in the image config's own shape, which {@link ImageConfig#of} reads. */
    private JsonNode configDocument(InspectImageResponse inspected) {
        JsonNode raw = JSON.valueToTree(inspected);
        ObjectNode document = JSON.createObjectNode();
        document.put("os", raw.path("Os").asText(""));
        document.put("architecture", raw.path("Architecture").asText(""));
        document.set("config", raw.path("Config").isObject() ? raw.get("Config") : JSON.createObjectNode());
        document.putObject("rootfs").set("diff_ids", raw.path("RootFS").path("Layers").isArray()
                ? raw.path("RootFS").get("Layers") : JSON.createArrayNode());
        return document;
    }

    private synchronized LayerBlob exportedLayer(int index) {
        if (exported == null) {
            exported = export();
        }
        return exported.layers().get(index);
    }

    private ResolvedImage export() {
        Path file = temp.directory().resolve("image.tar");
        try (InputStream saved = engine.client().saveImageCmd(image.familiar()).exec()) {
            Files.copy(saved, file);
        } catch (IOException e) {
            throw new UncheckedIOException("exporting " + image.familiar() + " from the Docker engine", e);
        } catch (RuntimeException e) {
            throw new DockerEngineException("the Docker engine could not export " + image.familiar() + ": " + e.getMessage(), e);
        }
        archive = new DockerArchiveSource(file, Optional.of(image.familiar()));
        ResolvedImage resolved = archive.resolve();
        if (!resolved.id().equals(inspectedId)) {
            throw new ImageFormatException(image.familiar() + " changed in the Docker engine while it was scanned (it was "
                    + inspectedId + ", the export is " + resolved.id() + "): scan it again");
        }
        return resolved;
    }

    /** Whether a layer had to be read, so that the engine exported the image. */
    synchronized boolean exported() {
        return exported != null;
    }

    @Override
    public String describe() {
        return "the Docker engine at " + engine.host();
    }

    @Override
    public void close() {
        try {
            if (archive != null) {
                archive.close();
            }
        } finally {
            temp.close();
        }
    }
}
