package dev.bulwark.gate.posture;

import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.image.ImageConfig;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.inventory.Inventory;
import java.util.List;
import java.util.Map;

/**
 * What the gate judges of an image besides its packages, as the posture store keeps it: enough to judge it again, and
 * no layer to read.
 *
 * @param name         the image as it was named when scanned
 * @param user         the user it runs as
 * @param labels       its labels
 * @param exposedPorts the ports it exposes
 * @param size         the sum of its layer blob sizes
 * @param os           its config's OS
 * @param architecture its config's architecture
 */
public record StoredImage(String name, String user, Map<String, String> labels, List<String> exposedPorts, long size, String os,
                          String architecture) {

    public StoredImage {
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
    }

    /** What a scan read of the image. */
    public static StoredImage of(ScannedImage scanned) {
        ResolvedImage image = scanned.image();
        ImageConfig config = image.config();
        return new StoredImage(image.name(), config.user(), config.labels(), config.exposedPorts(), image.size(), config.os(),
                config.architecture());
    }

    /**
     * The image as the gate judges it, rebuilt from the store: its facts and inventory, with no layers at all, so that
     * nothing downstream can read one.
     */
    public ScannedImage toScanned(String id, Inventory inventory) {
        ImageConfig config = new ImageConfig(os, architecture, user, labels, exposedPorts, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        return new ScannedImage(new ResolvedImage(name, id, config, List.of(), size), inventory, 0);
    }
}
