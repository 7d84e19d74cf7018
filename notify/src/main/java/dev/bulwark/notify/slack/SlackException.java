package dev.bulwark.notify.slack;

/**
 * Slack refused a message for a reason that retrying does not fix: a removed webhook, an archived channel, a
 * bot that is not in the channel, a revoked token. The message says what to fix; it never contains the
 * webhook URL or a token.
 */
public class SlackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    /**
     * @param message what went wrong and what to do, already free of secrets
     * @param error   Slack's error code ({@code channel_not_found}), or empty
     * @param status  the HTTP status, or 0 when there was no answer
     */
    public SlackException(String message, String error, int status) {
        super(message);
        this.error = error == null ? "" : error;
        this.status = status;
    }

    /** Slack's error code, like {@code no_service} or {@code channel_not_found}; empty when Slack gave none. */
    public String error() {
        return error;
    }

    /** The HTTP status Slack answered with, or 0. */
    public int status() {
        return status;
    }
}
