package dev.bulwark.scanner.sbom;

import dev.bulwark.scanner.ScannedImage;
import java.time.Instant;

/** CycloneDX 1.6 JSON: the image as the metadata component, each package a library component with its purl. */
final class CycloneDxWriter implements SbomWriter {

    private final String toolVersion;

    CycloneDxWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String write(ScannedImage image, Instant createdAt) {
        return CycloneDxInventory.json(CycloneDxInventory.of(image, createdAt, toolVersion, "sbom"), image.image().name());
    }
}
