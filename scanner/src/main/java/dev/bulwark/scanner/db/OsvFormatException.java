package dev.bulwark.scanner.db;

/** A file that is not a valid OSV record, naming the file (and entry) and what is missing. */
public final class OsvFormatException extends RuntimeException {

    public OsvFormatException(String message) {
        super(message);
    }

    public OsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
