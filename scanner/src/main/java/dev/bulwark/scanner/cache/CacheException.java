package dev.bulwark.scanner.cache;

/** The layer cache cannot be used; the message says which file and what to do. */
public final class CacheException extends RuntimeException {

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
