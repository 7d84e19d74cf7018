package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.InvalidPurlException;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.pkg.PurlPattern;
import java.util.Optional;

/**
 * Turns the product IDs VEX documents use into package patterns.
 *
 * <p>A package purl becomes a pattern for exactly that package and version (qualifiers and subpath are dropped,
 * since findings are matched by name and version). An OCI or Docker purl ({@code pkg:oci/…},
 * {@code pkg:docker/…}) names the image, not a package in it, and any ID that is not a purl (an image reference, a CPE, a URL) cannot be matched against
 * packages at all: both mean "the whole image".
 */
final class PackageIds {

    private PackageIds() {
    }

    /**
     * The package pattern for an ID, or empty when the ID names the whole image.
     *
     * @throws VexFormatException when the ID starts like a purl but is not a valid one
     */
    static Optional<PurlPattern> packagePattern(String id, JsonAt where) {
        if (!id.regionMatches(true, 0, "pkg:", 0, 4)) {
            return Optional.empty();
        }
        Purl purl;
        try {
            purl = Purl.parse(id);
        } catch (InvalidPurlException e) {
            throw where.problem(e.getMessage());
        }
        if (purl.type().equals("oci") || purl.type().equals("docker")) {
            return Optional.empty();
        }
        // The pattern compares versions as written, so give it the decoded version the finding's purl holds.
        String version = purl.version().isEmpty() ? "" : "@" + purl.version();
        return Optional.of(PurlPattern.of(purl.coordinates() + version));
    }
}
