package dev.bulwark.notify.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently the outbox retries.
 *
 * @param maxAttempts how many deliveries a message gets before it is marked failed
 * @param firstDelay  the wait after the first failed attempt; it doubles with each further one
 * @param maxDelay    the longest wait, whatever the backoff or a {@code Retry-After} says
 * @param lease       how long a dispatcher may hold a message it claimed; after that another dispatcher may
 *                    take it, which is how a message claimed by a process that crashed is not lost
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration lease) {

    /** Eight attempts over about an hour and a quarter (30 s, 1, 2, 4, 8, 16, 32 min), five-minute leases. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requirePositive(firstDelay, "firstDelay");
        requirePositive(maxDelay, "maxDelay");
        requirePositive(lease, "lease");
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") is shorter than firstDelay (" + firstDelay + ")");
        }
    }

    /**
     * The wait before the next attempt, after {@code attempts} failed ones: the exponential backoff, or longer
     * when the receiver asked for longer, and never more than {@link #maxDelay()}.
     */
    public Duration delayAfter(int attempts, Duration requested) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration backoff = firstDelay.multipliedBy(1L << doublings);
        Duration wanted = requested.compareTo(backoff) > 0 ? requested : backoff;
        return wanted.compareTo(maxDelay) > 0 ? maxDelay : wanted;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
