package dev.bulwark.scanner.source;

import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.docker.DockerEngineException;
import dev.bulwark.scanner.model.ImageRef;
import java.util.Optional;

/**
 * Chooses the source for an image location ({@link ImageLocation}):
 * <ul>
 *   <li>{@code docker-archive:PATH} — a {@code docker save} archive;</li>
 *   <li>{@code oci:PATH[:REF]} — an OCI image layout, directory or tar;</li>
 *   <li>{@code registry:IMAGE} — straight from the registry;</li>
 *   <li>{@code daemon:IMAGE} — from the local Docker engine;</li>
 *   <li>{@code IMAGE} — from the Docker engine when it has the image, else from the registry; straight from the
 *       registry only when no engine is set up here (no {@code DOCKER_HOST}, no local socket). An engine that is
 *       set up but does not answer is an error: the registry's image of that name may not be the one just built.</li>
 * </ul>
 * {@link ImageSource#describe()} says which was chosen.
 */
public final class ImageSources {

    private ImageSources() {
    }

    /** The source for an image argument ({@link ImageLocation#parse}). */
    public static ImageSource open(String argument, SourceOptions options) {
        return open(ImageLocation.parse(argument), options);
    }

    public static ImageSource open(ImageLocation location, SourceOptions options) {
        return location.match(
                automatic -> automatic(automatic.image(), options),
                daemon -> new DaemonSource(DockerEngine.fromEnvironment(), daemon.image()),
                registry -> RegistrySource.of(registry.image(), options.platform(), options.insecureRegistries()),
                archive -> new DockerArchiveSource(ImageLocation.existing(archive.file()), Optional.empty()),
                oci -> new OciLayoutSource(ImageLocation.existing(oci.layout()), oci.reference(), options.platform()));
    }

    private static ImageSource automatic(ImageRef image, SourceOptions options) {
        if (options.dockerHost().isEmpty()) {
            return RegistrySource.of(image, options.platform(), options.insecureRegistries());
        }
        DockerEngine engine = DockerEngine.at(options.dockerHost().get());
        try {
            if (engine.findImage(image).isPresent()) {
                return new DaemonSource(engine, image);
            }
        } catch (DockerEngineException unreachable) {
            engine.close();
            throw new DockerEngineException(unreachable.getMessage() + "; to read " + image.familiar()
                    + " from its registry instead, name it registry:" + image.familiar(), unreachable);
        }
        engine.close();
        return RegistrySource.of(image, options.platform(), options.insecureRegistries());
    }
}
