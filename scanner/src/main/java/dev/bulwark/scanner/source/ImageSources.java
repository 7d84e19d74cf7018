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
 *   <li>{@code IMAGE} — from the Docker engine when it has the image, else from the registry.</li>
 * </ul>
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
        DockerEngine engine = DockerEngine.fromEnvironment();
        try {
            engine.inspectImage(image);
            return new DaemonSource(engine, image);
        } catch (DockerEngineException notLocal) {
            engine.close();
            return RegistrySource.of(image, options.platform(), options.insecureRegistries());
        }
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
