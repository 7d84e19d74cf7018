package dev.bulwark.policy.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * What a profile knows about one learned item.
 *
 * @param intervals    in how many live intervals it was seen (its incidence)
 * @param lastInterval the index of the last interval it was seen in
 * @param firstSeen    when it was first seen (or declared)
 * @param declared     whether the image declared it (entrypoint, exposed port, volume, health check) or an
 *                     imported profile pinned it, rather than it being discovered
 */
public record ItemStats(long intervals, long lastInterval, Instant firstSeen, boolean declared) {

    public ItemStats {
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    static ItemStats declared(Instant at) {
        return new ItemStats(0, -1, at, true);
    }

    static ItemStats discovered(long interval, Instant at) {
        return new ItemStats(1, interval, at, false);
    }

    /** Seen again, in the given interval: the incidence grows once per interval. */
    ItemStats seenIn(long interval) {
        return interval == lastInterval ? this : new ItemStats(intervals + 1, interval, firstSeen, declared);
    }

    /** Seen in exactly one interval, and not declared: what Good–Turing counts as a singleton. */
    boolean singleton() {
        return intervals == 1 && !declared;
    }
}
