package dev.bulwark.scanner.trivy;

import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.image.ImageConfig;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Trivy JSON report says about one artifact, in Bulwark's terms.
 *
 * @param artifactName what Trivy scanned ({@code ArtifactName}: an image reference, archive or directory), or empty
 * @param os           the OS Trivy detected ({@code Metadata.OS}), when it found one
 * @param packages     every package Trivy listed ({@code --list-all-pkgs}), else the distinct vulnerable packages
 * @param matches      one match per entry of every result's {@code Vulnerabilities}, in report order
 * @param config       the image configuration ({@code Metadata.ImageConfig}), for the image rules, when given
 * @param imageId      the image ID ({@code Metadata.ImageID}), or empty
 * @param size         the image size ({@code Metadata.Size}), or 0
 */
public record TrivyResult(String artifactName, Optional<OsRelease> os, List<Package> packages, List<Match> matches,
                          Optional<ImageConfig> config, String imageId, long size) {

    public TrivyResult {
        artifactName = Objects.requireNonNullElse(artifactName, "");
        os = Objects.requireNonNullElse(os, Optional.empty());
        packages = List.copyOf(packages);
        matches = List.copyOf(matches);
        config = Objects.requireNonNullElse(config, Optional.empty());
        imageId = Objects.requireNonNullElse(imageId, "");
    }

    /**
     * The image as Bulwark's gate and reports take it. Trivy read the layers, so none are listed here; without
     * an image config in the report, the image rules judge an image that declares nothing (no USER means root).
     */
    public ScannedImage scannedImage(String fallbackName) {
        ImageConfig declared = config.orElse(ImageConfig.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        ImageConfig withoutLayers = new ImageConfig(declared.os(), declared.architecture(), declared.user(), declared.labels(),
                declared.exposedPorts(), declared.env(), declared.entrypoint(), declared.cmd(), declared.volumes(),
                declared.healthcheck(), List.of());
        String name = artifactName.isEmpty() ? fallbackName : artifactName;
        return new ScannedImage(new ResolvedImage(name, imageId.isEmpty() ? "unknown (from a Trivy report)" : imageId,
                withoutLayers, List.of(), size), inventory(), 0);
    }

    /** The packages as an inventory, for the SBOM writers: Trivy's report names no failed files. */
    public Inventory inventory() {
        return new Inventory(os, packages, List.of());
    }
}
