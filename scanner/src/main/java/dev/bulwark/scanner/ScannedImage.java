package dev.bulwark.scanner;

import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.inventory.Inventory;

/**
 * A scanned image: what it is and what is in it.
 *
 * @param image        the image, its config and layers
 * @param inventory    its packages and OS release
 * @param cachedLayers how many layers came from the layer cache
 */
public record ScannedImage(ResolvedImage image, Inventory inventory, int cachedLayers) {
}
