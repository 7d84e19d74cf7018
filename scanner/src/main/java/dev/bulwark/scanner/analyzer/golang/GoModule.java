package dev.bulwark.scanner.analyzer.golang;

import java.util.Objects;
import java.util.Optional;

/**
 * A module a Go binary was built from, as its module info records it.
 *
 * @param path        the module path, such as {@code github.com/google/uuid}
 * @param version     the module version, such as {@code v1.3.0}, or {@code (devel)} for an unversioned main module
 * @param replacement the module that a {@code replace} directive put in its place, if any
 */
record GoModule(String path, String version, Optional<GoModule> replacement) {

    GoModule {
        Objects.requireNonNull(path, "path");
        version = Objects.requireNonNullElse(version, "");
        replacement = Objects.requireNonNullElse(replacement, Optional.empty());
    }

    GoModule(String path, String version) {
        this(path, version, Optional.empty());
    }

    GoModule replacedBy(GoModule module) {
        return new GoModule(path, version, Optional.of(module));
    }

    /**
     * The module whose code is in the binary: the replacement when it names a version, otherwise this module. A
     * replacement without a version is a local directory, which has no identity of its own to report, so the
     * module it stands in for is kept.
     */
    GoModule inBinary() {
        return replacement.filter(module -> !module.version().isEmpty()).orElse(this);
    }
}
