package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.RuntimeMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A profile as it is stored: everything learned, and how far learning has come.
 *
 * @param key                the image and workload it belongs to
 * @param prior              what the image declared
 * @param runtimeFingerprint the runtime parameters (command, mounts, networks, capabilities) it was learned under
 * @param provisional        whether it was inherited (from an earlier image version or other runtime parameters) and
 *                           is relearning
 * @param inheritedFrom      the image it was inherited from, or empty
 * @param pinned             whether it was imported: pinned profiles never learn
 * @param created            when it was created
 * @param updated            when it last changed
 * @param liveIntervals      how many intervals had live activity
 * @param currentInterval    the index of the interval now under way
 * @param currentLive        whether the current interval has had live activity
 * @param signals            each signal's state
 * @param resources          the resource samples
 * @param source             where it started: empty when learned on this host, else where it came from (a CI profile
 *                           attached to {@code REGISTRY/REPOSITORY@DIGEST})
 * @param ciMode             while a profile from CI is learned on top of: the mode what would block is judged in;
 *                           {@code null} otherwise
 */
public record ProfileState(ProfileKey key, Prior prior, String runtimeFingerprint, boolean provisional, String inheritedFrom,
                           boolean pinned, Instant created, Instant updated, long liveIntervals, long currentInterval,
                           boolean currentLive, Map<Signal, SignalState> signals, ResourceState resources, String source,
                           RuntimeMode ciMode) {

    public ProfileState {
        Objects.requireNonNull(key, "key");
        prior = Objects.requireNonNullElse(prior, Prior.none());
        runtimeFingerprint = Objects.requireNonNullElse(runtimeFingerprint, "");
        inheritedFrom = Objects.requireNonNullElse(inheritedFrom, "");
        Objects.requireNonNull(created, "created");
        updated = Objects.requireNonNullElse(updated, created);
        EnumMap<Signal, SignalState> all = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            all.put(signal, Objects.requireNonNullElse(signals == null ? null : signals.get(signal), SignalState.empty()));
        }
        signals = java.util.Collections.unmodifiableMap(all);
        resources = Objects.requireNonNullElse(resources, new ResourceState(null, null, null));
        source = Objects.requireNonNullElse(source, "");
    }
}
