package dev.bulwark.scanner.source;

import dev.bulwark.scanner.image.ResolvedImage;

/**
 * Where an image comes from: the local Docker daemon, a {@code docker save} archive, an OCI image layout,
 * or a registry. A source owns whatever it had to fetch (temp files, open archives) until it is closed.
 */
public interface ImageSource extends AutoCloseable {

    /** Finds the image and its layers; reading the layers happens later, through their openers. */
    ResolvedImage resolve();

    @Override
    void close();
}
