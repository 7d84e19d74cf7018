package dev.bulwark.scanner.source;

import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.docker.DockerEngineException;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.model.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An image in the local Docker engine. The engine exports it ({@code docker save}) into a private temp
 * file, which is then read as a {@link DockerArchiveSource}; the file is removed when the source closes.
 */
public final class DaemonSource implements ImageSource {

    private final DockerEngine engine;
    private final ImageRef image;
    private final PrivateTemp temp = new PrivateTemp("daemon");
    private DockerArchiveSource archive;

    public DaemonSource(DockerEngine engine, ImageRef image) {
        this.engine = engine;
        this.image = image;
    }

    @Override
    public ResolvedImage resolve() {
        engine.inspectImage(image);
        Path file = temp.directory().resolve("image.tar");
        try (InputStream saved = engine.client().saveImageCmd(image.familiar()).exec()) {
            Files.copy(saved, file);
        } catch (IOException e) {
            throw new UncheckedIOException("exporting " + image.familiar() + " from the Docker engine", e);
        } catch (RuntimeException e) {
            throw new DockerEngineException("the Docker engine could not export " + image.familiar() + ": " + e.getMessage(), e);
        }
        archive = new DockerArchiveSource(file, Optional.of(image.familiar()));
        ResolvedImage resolved = archive.resolve();
        return new ResolvedImage(image.familiar(), resolved.id(), resolved.config(), resolved.layers(), resolved.size());
    }

    @Override
    public void close() {
        try {
            if (archive != null) {
                archive.close();
            }
        } finally {
            temp.close();
        }
    }
}
