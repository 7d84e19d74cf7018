package dev.bulwark.notify.jira;

import java.time.Duration;
import java.util.Optional;

/**
 * Jira could not take the request now (rate limit, maintenance, an unreachable server), and the same request
 * may well succeed later. Bulwark does not wait or retry itself: whoever runs the unit of work (the outbox)
 * decides when to try again, honouring {@link #retryAfter()} when Jira gave one.
 */
public final class JiraRetryLater extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<Duration> retryAfter;

    /**
     * @param status     the HTTP status (429, 503, …), or 0 when no answer came
     * @param retryAfter how long Jira asked to wait ({@code Retry-After}), when it said
     * @param message    what happened
     * @param cause      the I/O failure, if any
     */
    public JiraRetryLater(int status, Optional<Duration> retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when Jira could not be reached. */
    public int status() {
        return status;
    }

    /** How long Jira asked callers to wait before the next request, when it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
