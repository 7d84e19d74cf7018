package dev.bulwark.notify.outbox;

/** The outbox's file cannot be opened, read or written. The message names the file and what to check. */
public class OutboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
