package dev.bulwark.scanner.trivy;

import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.inventory.OsRelease;
import dev.bulwark.scanner.inventory.Package;
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
 */
public record TrivyResult(String artifactName, Optional<OsRelease> os, List<Package> packages, List<Match> matches) {

    public TrivyResult {
        artifactName = Objects.requireNonNullElse(artifactName, "");
        os = Objects.requireNonNullElse(os, Optional.empty());
        packages = List.copyOf(packages);
        matches = List.copyOf(matches);
    }

    /** The packages as an inventory, for the SBOM writers: Trivy's report names no failed files. */
    public Inventory inventory() {
        return new Inventory(os, packages, List.of());
    }
}
