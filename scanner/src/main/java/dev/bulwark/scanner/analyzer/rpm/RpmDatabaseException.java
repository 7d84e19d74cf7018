package dev.bulwark.scanner.analyzer.rpm;

/** An rpm database, or a package header in it, that cannot be read; the message says what is wrong. */
final class RpmDatabaseException extends RuntimeException {

    RpmDatabaseException(String message) {
        super(message);
    }

    RpmDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
