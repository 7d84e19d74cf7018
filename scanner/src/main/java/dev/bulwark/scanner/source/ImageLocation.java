package dev.bulwark.scanner.source;

import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an image is read from, parsed once from the form users write: {@code NAME[:TAG|@DIGEST]} (the Docker
 * engine's image, else the registry's), {@code daemon:NAME}, {@code registry:NAME}, {@code docker-archive:PATH}
 * ({@code docker save}) or {@code oci:PATH[:REF]} (an OCI layout, directory or tar).
 */
public sealed interface ImageLocation permits ImageLocation.Automatic, ImageLocation.Daemon, ImageLocation.Registry,
        ImageLocation.DockerArchive, ImageLocation.OciLayout {

    /**
     * The location an argument names.
     *
     * @throws dev.bulwark.scanner.model.InvalidImageRefException when the image name is not a valid reference
     */
    static ImageLocation parse(String argument) {
        Objects.requireNonNull(argument, "image");
        if (argument.startsWith("docker-archive:")) {
            return new DockerArchive(Path.of(argument.substring("docker-archive:".length())));
        }
        if (argument.startsWith("oci:")) {
            return OciLayout.parse(argument.substring("oci:".length()));
        }
        if (argument.startsWith("registry:")) {
            return new Registry(ImageRef.parse(argument.substring("registry:".length())));
        }
        if (argument.startsWith("daemon:")) {
            return new Daemon(ImageRef.parse(argument.substring("daemon:".length())));
        }
        return new Automatic(ImageRef.parse(argument));
    }

    /**
     * The value of the function for this location's kind, so that a new kind does not compile until every consumer
     * handles it.
     */
    <R> R match(Function<Automatic, R> automatic, Function<Daemon, R> daemon, Function<Registry, R> registry,
                Function<DockerArchive, R> archive, Function<OciLayout, R> oci);

    /** The location as it is written on a command line or in a pipeline step. */
    String argument();

    /** The image in its registry, as promotion copies it: {@code NAME} and {@code registry:NAME} name one; files do not. */
    default Optional<ImageRef> inRegistry() {
        return match(automatic -> Optional.of(automatic.image()), daemon -> Optional.empty(),
                registry -> Optional.of(registry.image()), archive -> Optional.empty(), oci -> Optional.empty());
    }

    /** The Docker engine's image if it has it, else the registry's (see {@link ImageSources}). */
    record Automatic(ImageRef image) implements ImageLocation {
        @Override
        public <R> R match(Function<Automatic, R> automatic, Function<Daemon, R> daemon, Function<Registry, R> registry,
                           Function<DockerArchive, R> archive, Function<OciLayout, R> oci) {
            return automatic.apply(this);
        }

        @Override
        public String argument() {
            return image.familiar();
        }
    }

    /** The local Docker engine's image, never the registry's. */
    record Daemon(ImageRef image) implements ImageLocation {
        @Override
        public <R> R match(Function<Automatic, R> automatic, Function<Daemon, R> daemon, Function<Registry, R> registry,
                           Function<DockerArchive, R> archive, Function<OciLayout, R> oci) {
            return daemon.apply(this);
        }

        @Override
        public String argument() {
            return "daemon:" + image.familiar();
        }
    }

    /** The registry's image, never the engine's. */
    record Registry(ImageRef image) implements ImageLocation {
        @Override
        public <R> R match(Function<Automatic, R> automatic, Function<Daemon, R> daemon, Function<Registry, R> registry,
                           Function<DockerArchive, R> archive, Function<OciLayout, R> oci) {
            return registry.apply(this);
        }

        @Override
        public String argument() {
            return "registry:" + image.familiar();
        }
    }

    /** A {@code docker save} archive. */
    record DockerArchive(Path file) implements ImageLocation {
        @Override
        public <R> R match(Function<Automatic, R> automatic, Function<Daemon, R> daemon, Function<Registry, R> registry,
                           Function<DockerArchive, R> archive, Function<OciLayout, R> oci) {
            return archive.apply(this);
        }

        @Override
        public String argument() {
            return "docker-archive:" + file;
        }
    }

    /**
     * An OCI image layout, directory or tar, and the reference ({@code org.opencontainers.image.ref.name}) to pick
     * when it holds several images.
     */
    record OciLayout(Path layout, Optional<String> reference) implements ImageLocation {

        /** {@code PATH[:REF]}: a path that exists is the whole layout, even with a colon in it. */
        static OciLayout parse(String location) {
            Path whole = Path.of(location);
            int colon = location.lastIndexOf(':');
            if (Files.exists(whole) || colon <= 0) {
                return new OciLayout(whole, Optional.empty());
            }
            return new OciLayout(Path.of(location.substring(0, colon)), Optional.of(location.substring(colon + 1)));
        }

        @Override
        public <R> R match(Function<Automatic, R> automatic, Function<Daemon, R> daemon, Function<Registry, R> registry,
                           Function<DockerArchive, R> archive, Function<OciLayout, R> oci) {
            return oci.apply(this);
        }

        @Override
        public String argument() {
            return "oci:" + layout + reference.map(ref -> ":" + ref).orElse("");
        }
    }

    /** The path, which must exist: a missing archive or layout is a clear error, not an empty image. */
    static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new ImageFormatException(path + " does not exist: check the path of the archive or layout");
        }
        return path;
    }
}
