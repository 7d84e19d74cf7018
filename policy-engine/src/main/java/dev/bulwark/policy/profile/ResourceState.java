package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.ResourceLimits;
import java.util.List;
import java.util.Objects;

/**
 * The resource samples a profile keeps (the most recent {@value ResourceEnvelope#KEPT} of each), from which its
 * envelope is computed; an imported profile carries its limits instead ({@code pinnedLimits}).
 */
public record ResourceState(List<Double> cpu, List<Long> memoryBytes, List<Long> pids, ResourceLimits pinnedLimits) {

    public ResourceState {
        cpu = List.copyOf(Objects.requireNonNullElse(cpu, List.of()));
        memoryBytes = List.copyOf(Objects.requireNonNullElse(memoryBytes, List.of()));
        pids = List.copyOf(Objects.requireNonNullElse(pids, List.of()));
    }

    public ResourceState(List<Double> cpu, List<Long> memoryBytes, List<Long> pids) {
        this(cpu, memoryBytes, pids, null);
    }
}
