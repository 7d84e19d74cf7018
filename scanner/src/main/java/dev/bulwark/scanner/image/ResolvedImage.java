package dev.bulwark.scanner.image;

import java.util.List;
import java.util.Objects;

/**
 * An image found by a source, ready to be read: its identity, configuration and layers, lowest first.
 *
 * @param name     the image as the user named it
 * @param id       the digest of its config (the image ID Docker shows)
 * @param config   its configuration
 * @param layers   its layers, lowest first
 * @param size     the sum of its layer blob sizes
 */
public record ResolvedImage(String name, String id, ImageConfig config, List<LayerBlob> layers, long size) {

    public ResolvedImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
        if (layers.size() != config.diffIds().size()) {
            throw new ImageFormatException(name + " lists " + layers.size() + " layers but its config has "
                    + config.diffIds().size() + " diff IDs: the image is malformed");
        }
    }
}
