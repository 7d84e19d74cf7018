package dev.bulwark.policy.pkg;

import java.util.Objects;

/**
 * A package found in an image, where it was found: what package allow and deny lists judge.
 *
 * @param purl the package, with its version
 * @param path where in the image it was found
 */
public record InstalledPackage(Purl purl, String path) {

    public InstalledPackage {
        Objects.requireNonNull(purl, "purl");
        path = Objects.requireNonNullElse(path, "");
    }
}
