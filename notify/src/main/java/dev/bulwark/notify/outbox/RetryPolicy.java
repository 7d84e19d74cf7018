package dev.bulwark.notify.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.Objects;

/**
 * How patiently the outbox retries.
 *
 * @param maxAttempts how many deliveries a message gets before it is marked failed
 * @param firstDelay  the wait after the first failed attempt; it doubles with each further one
 * @param maxDelay    the longest wait, whatever the backoff or a {@code Retry-After} says
 * @param lease       how long a dispatcher may hold a message it claimed; after that another dispatcher may
 *                    take it, which is how a message claimed by a process that crashed is not lost
 * @param jitter      the largest share of the backoff added at random (0 to 1), so that gates that failed together
 *                    (Jira down for everyone) do not all come back in the same second
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration lease, double jitter) {

    /**
     * Eight attempts over about an hour and a quarter (30 s, 1, 2, 4, 8, 16, 32 min, each up to a quarter longer at
     * random), five-minute leases.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5), 0.25);

    /** A policy without jitter: every wait exactly the backoff. */
    public RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration lease) {
        this(maxAttempts, firstDelay, maxDelay, lease, 0);
    }

    public RetryPolicy {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be from 0 up to 1, was " + jitter);
        }
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
        return delayAfter(attempts, requested, () -> 0.0);
    }

    /**
     * As {@link #delayAfter(int, Duration)}, with up to {@link #jitter()} of the backoff added at random.
     *
     * @param random a number from 0 (inclusive) to 1 (exclusive)
     */
    public Duration delayAfter(int attempts, Duration requested, DoubleSupplier random) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration backoff = firstDelay.multipliedBy(1L << doublings);
        backoff = backoff.plusMillis((long) (backoff.toMillis() * jitter * random.getAsDouble()));
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
