package dev.bulwark.scanner.source;

import java.util.Objects;
import java.util.Set;

/**
 * How to find an image.
 *
 * @param platform           the platform to choose from an image index
 * @param insecureRegistries registries that may be spoken to over plain HTTP (localhost always may)
 */
public record SourceOptions(Platform platform, Set<String> insecureRegistries) {

    public static final SourceOptions DEFAULTS = new SourceOptions(Platform.LINUX_AMD64, Set.of());

    public SourceOptions {
        Objects.requireNonNull(platform, "platform");
        insecureRegistries = Set.copyOf(insecureRegistries);
    }
}
