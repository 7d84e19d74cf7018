package dev.bulwark.scanner.source;

import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.docker.DockerEngineException;
import dev.bulwark.scanner.model.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses the source for an image argument, as the CLI takes it:
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

    public static ImageSource open(String argument, SourceOptions options) {
        if (argument.startsWith("docker-archive:")) {
            return new DockerArchiveSource(existing(argument.substring("docker-archive:".length())), Optional.empty());
        }
        if (argument.startsWith("oci:")) {
            return oci(argument.substring("oci:".length()), options);
        }
        if (argument.startsWith("registry:")) {
            return RegistrySource.of(ImageRef.parse(argument.substring("registry:".length())), options.platform(),
                    options.insecureRegistries());
        }
        if (argument.startsWith("daemon:")) {
            return new DaemonSource(DockerEngine.fromEnvironment(), ImageRef.parse(argument.substring("daemon:".length())));
        }
        ImageRef image = ImageRef.parse(argument);
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

    private static ImageSource oci(String location, SourceOptions options) {
        Path whole = Path.of(location);
        if (Files.exists(whole)) {
            return new OciLayoutSource(whole, Optional.empty(), options.platform());
        }
        int colon = location.lastIndexOf(':');
        if (colon > 0) {
            return new OciLayoutSource(existing(location.substring(0, colon)), Optional.of(location.substring(colon + 1)),
                    options.platform());
        }
        return new OciLayoutSource(existing(location), Optional.empty(), options.platform());
    }

    private static Path existing(String location) {
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            throw new dev.bulwark.scanner.image.ImageFormatException(path + " does not exist: check the path of the archive or layout");
        }
        return path;
    }
}
