package dev.bulwark.scanner.db;

/** The vulnerability database cannot be built, opened or read; the message says what to do. */
public final class DbException extends RuntimeException {

    public DbException(String message, Throwable cause) {
        super(message, cause);
    }

    public DbException(String message) {
        super(message);
    }
}
