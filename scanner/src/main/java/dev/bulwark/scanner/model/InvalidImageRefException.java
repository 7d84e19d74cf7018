package dev.bulwark.scanner.model;

/** An image reference that Docker would not accept; the message names the part that is wrong. */
public final class InvalidImageRefException extends IllegalArgumentException {

    public InvalidImageRefException(String message) {
        super(message);
    }
}
