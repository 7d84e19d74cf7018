package dev.bulwark.agent.response;

/**
 * A file of the responses' state (the quarantine ledger, the responses under way) could not be read or written; the
 * message names the file and the fix.
 */
public final class ResponseStateException extends RuntimeException {

    public ResponseStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
