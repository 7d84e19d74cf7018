package dev.bulwark.scanner.image;

import java.util.Objects;

/**
 * One layer of an image, not yet read.
 *
 * @param diffId the digest of the uncompressed tar, as the image config claims it: checked while the layer is walked
 * @param digest the digest of the blob as stored, which is checked while it is read
 * @param origin where the blob comes from, which decides what a cached analysis of it may be trusted by
 * @param opener opens the blob
 */
public record LayerBlob(String diffId, String digest, LayerOrigin origin, BlobOpener opener) {

    public LayerBlob {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(opener, "opener");
    }
}
