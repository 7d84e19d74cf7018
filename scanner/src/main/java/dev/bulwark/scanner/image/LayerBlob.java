package dev.bulwark.scanner.image;

import java.util.Objects;

/**
 * One layer of an image, not yet read.
 *
 * @param diffId the digest of the uncompressed tar, from the image config
 * @param digest the digest of the blob as stored, which is checked while it is read
 * @param opener opens the blob
 */
public record LayerBlob(String diffId, String digest, BlobOpener opener) {

    public LayerBlob {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(opener, "opener");
    }
}
