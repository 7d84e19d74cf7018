package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.RuntimeMode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One signal of a profile as it is stored and exported.
 *
 * @param items       the learned items and what is known about each
 * @param lastNew     when an item was last discovered (null: never)
 * @param belowSince  since when the missing-mass estimate has stayed at or below the threshold (null: it is above)
 * @param convergedAt when the signal converged (null: still learning)
 * @param mode        the signal's mode once converged
 * @param modePinned  whether an operator chose the mode (automatic promotion then leaves it alone)
 */
public record SignalState(Map<String, ItemStats> items, Instant lastNew, Instant belowSince, Instant convergedAt,
                          RuntimeMode mode, boolean modePinned) {

    public SignalState {
        items = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(items, Map.of())));
        mode = Objects.requireNonNullElse(mode, RuntimeMode.LEARN);
    }

    static SignalState empty() {
        return new SignalState(Map.of(), null, null, null, RuntimeMode.LEARN, false);
    }
}
