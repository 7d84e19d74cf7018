package dev.bulwark.policy.pkg;

/** A purl string or component that does not follow the purl specification; the message says how to fix it. */
public final class InvalidPurlException extends IllegalArgumentException {

    public InvalidPurlException(String message) {
        super(message);
    }
}
