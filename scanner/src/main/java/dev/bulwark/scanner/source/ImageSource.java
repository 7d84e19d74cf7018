package dev.bulwark.scanner.source;

import dev.bulwark.scanner.image.ResolvedImage;

/**
 * Where an image comes from: the local Docker daemon, a {@code docker save} archive, an OCI image layout,
 * or a registry. A source owns whatever it had to fetch (temp files, open archives) until it is closed.
 */
public interface ImageSource extends AutoCloseable {

    /** Finds the image and its layers; reading the layers happens later, through their openers. */
    ResolvedImage resolve();

    /**
     * Where the image is read from, for the user to see: {@code the Docker engine at unix:///var/run/docker.sock},
     * {@code registry registry.example.com}, {@code docker-archive image.tar}.
     */
    String describe();

    @Override
    void close();
}
