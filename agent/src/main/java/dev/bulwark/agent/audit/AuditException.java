package dev.bulwark.agent.audit;

/** The audit trail could not be written or read; the message says which file and what to check. */
public final class AuditException extends RuntimeException {

    AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
