package dev.bulwark.agent.response;

/** The quarantine ledger could not be read or written; the message names the file and the fix. */
public final class QuarantineLedgerException extends RuntimeException {

    public QuarantineLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
