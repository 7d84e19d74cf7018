package dev.bulwark.agent.sensor.files;

import dev.bulwark.policy.runtime.FileAccessKind;
import java.util.Objects;

/**
 * One path of a container's writable layer that differs from its image, as the engine's {@code /changes} lists it:
 * {@link FileAccessKind#WRITE} changed (the image has it), {@link FileAccessKind#CREATE} added, {@link
 * FileAccessKind#DELETE} removed.
 */
public record LayerChange(String path, FileAccessKind kind) {

    public LayerChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
