package dev.bulwark.store.posture;

/** The posture store cannot be reached, migrated, read or written; the message says which and what to do. */
public final class PostureStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PostureStoreException(String message) {
        super(message);
    }

    public PostureStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
