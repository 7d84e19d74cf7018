package dev.bulwark.agent.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Tells a step of the wall clock (NTP setting a wrong clock right, an operator's {@code date -s}) from time passing,
 * by comparing how far the wall clock moved between two readings with how far the monotonic clock did.
 */
final class ClockSteps {

    /** Smaller differences are drift or a late reading, not a step. */
    static final Duration TOLERANCE = Duration.ofSeconds(30);

    private final LongSupplier nanos;
    private Instant lastWall;
    private long lastNanos;

    ClockSteps(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** The step since the last reading, if the wall clock moved more than {@link #TOLERANCE} away from elapsed time. */
    Optional<Duration> read(Instant wall) {
        long now = nanos.getAsLong();
        Instant before = lastWall;
        long nanosBefore = lastNanos;
        lastWall = wall;
        lastNanos = now;
        if (before == null) {
            return Optional.empty();
        }
        Duration step = Duration.between(before, wall).minusNanos(now - nanosBefore);
        return step.abs().compareTo(TOLERANCE) > 0 ? Optional.of(step) : Optional.empty();
    }
}
