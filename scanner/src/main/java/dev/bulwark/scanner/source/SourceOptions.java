package dev.bulwark.scanner.source;

import dev.bulwark.scanner.docker.DockerEngine;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to find an image.
 *
 * @param platform           the platform to choose from an image index
 * @param insecureRegistries registries that may be spoken to over plain HTTP (localhost always may)
 * @param dockerHost         the Docker engine set up on this machine ({@link DockerEngine#configuredHost()}), or
 *                           empty when there is none: then a plain image name is read from its registry
 */
public record SourceOptions(Platform platform, Set<String> insecureRegistries, Optional<String> dockerHost) {

    /**
     * linux/amd64, no insecure registries, and the engine this machine is set up to use, looked up now (a broken
     * Docker context is an error of this call, with its fix, not of loading the class).
     */
    public static SourceOptions defaults() {
        return new SourceOptions(Platform.LINUX_AMD64, Set.of(), DockerEngine.configuredHost());
    }

    public SourceOptions {
        Objects.requireNonNull(platform, "platform");
        insecureRegistries = Set.copyOf(insecureRegistries);
        Objects.requireNonNull(dockerHost, "dockerHost");
    }

    /** Options with the Docker engine this machine is set up to use. */
    public SourceOptions(Platform platform, Set<String> insecureRegistries) {
        this(platform, insecureRegistries, DockerEngine.configuredHost());
    }
}
