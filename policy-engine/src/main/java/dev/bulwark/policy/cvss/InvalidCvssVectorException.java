package dev.bulwark.policy.cvss;

/**
 * A CVSS vector string that does not follow the FIRST specification of its version; the message names the
 * offending part and shows the form that would be accepted.
 */
public final class InvalidCvssVectorException extends IllegalArgumentException {

    public InvalidCvssVectorException(String message) {
        super(message);
    }

    public InvalidCvssVectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
