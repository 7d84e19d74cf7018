package dev.bulwark.scanner.trivy;

/**
 * The {@code trivy} command could not scan an image: it is not installed, it failed, or it took too long. The message
 * says which, with the tail of trivy's own error output, and what to do.
 */
public final class TrivyCliException extends RuntimeException {

    /**
     * @param message what went wrong and how to fix it
     * @param cause   the underlying error, or {@code null}
     */
    public TrivyCliException(String message, Throwable cause) {
        super(message, cause);
    }
}
