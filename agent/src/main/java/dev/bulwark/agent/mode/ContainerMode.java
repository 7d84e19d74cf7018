package dev.bulwark.agent.mode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the agent may do about one container, as its owner chose with the {@value #LABEL} label.
 * A container without the label follows the policy's default mode.
 */
public enum ContainerMode {
    /** Watch, decide and respond (quarantine, pause, stop, kill). */
    PROTECT,
    /** Watch and alert, never act on the container. */
    MONITOR,
    /** Keep learning its profile: nothing the profile has not seen is judged, the explicit rules only record. */
    LEARN,
    /** Leave the container alone entirely. */
    OFF;

    public static final String LABEL = "bulwark.mode";

    /**
     * The mode a container's labels ask for, if any.
     *
     * @throws IllegalArgumentException when the label holds an unknown mode, naming the valid ones
     */
    public static Optional<ContainerMode> fromLabels(Map<String, String> labels) {
        String value = labels == null ? null : labels.get(LABEL);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("label " + LABEL + "=" + value + " is not a mode: use one of "
                    + Arrays.stream(values()).map(ContainerMode::label).collect(Collectors.joining(", ")), e);
        }
    }

    /** The runtime mode this label asks for; {@link #OFF} has none (the container is left alone). */
    public dev.bulwark.policy.runtime.RuntimeMode runtimeMode() {
        return switch (this) {
            case PROTECT -> dev.bulwark.policy.runtime.RuntimeMode.PROTECT;
            case MONITOR -> dev.bulwark.policy.runtime.RuntimeMode.MONITOR;
            case LEARN -> dev.bulwark.policy.runtime.RuntimeMode.LEARN;
            case OFF -> throw new IllegalStateException("a container labelled off has no runtime mode: it is left alone");
        };
    }

    /** The mode as written in a label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
