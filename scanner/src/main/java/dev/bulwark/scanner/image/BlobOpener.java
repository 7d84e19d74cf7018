package dev.bulwark.scanner.image;

import java.io.IOException;
import java.io.InputStream;

/** Opens a blob's bytes, as stored (compressed or not). Each call gives a new stream. */
@FunctionalInterface
public interface BlobOpener {

    InputStream open() throws IOException;
}
