package dev.bulwark.scanner.source;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long Bulwark waits for a registry. A registry that never answers, or answers and then sends nothing (or
 * a byte now and then), fails the scan with an error naming it, instead of holding the build until Jenkins
 * kills it.
 *
 * @param answer        the longest wait for the status line and headers of an answer
 * @param stall         the longest a body may keep Bulwark waiting, in all, for each {@code progressBytes} it sends
 * @param progressBytes what a body must send for its waiting time to start over
 * @param retries       how many times a request that could not connect, or was answered 429 or 5xx, is tried again;
 *                      empty: as for every other outbound call ({@code NetSettings}: four, from half a second)
 */
public record RegistryTimeouts(Duration answer, Duration stall, long progressBytes, Optional<Integer> retries) {

    /** Two minutes for an answer; 16 KiB for each minute a body keeps Bulwark waiting (273 bytes a second). */
    public static final RegistryTimeouts DEFAULTS = new RegistryTimeouts(Duration.ofMinutes(2), Duration.ofSeconds(60), 16 << 10);

    /** Timeouts with the retries of every other outbound call. */
    public RegistryTimeouts(Duration answer, Duration stall, long progressBytes) {
        this(answer, stall, progressBytes, Optional.empty());
    }

    public RegistryTimeouts {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(retries, "retries");
        if (retries.filter(count -> count < 0).isPresent()) {
            throw new IllegalArgumentException("registry retries must not be negative: " + retries.get());
        }
        Objects.requireNonNull(stall, "stall");
        if (answer.isNegative() || answer.isZero() || stall.isNegative() || stall.isZero() || progressBytes <= 0) {
            throw new IllegalArgumentException("registry timeouts must be positive: " + answer + ", " + stall + ", " + progressBytes);
        }
    }
}
