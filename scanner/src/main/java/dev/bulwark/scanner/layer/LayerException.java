package dev.bulwark.scanner.layer;

/** A layer that cannot be read safely or at all: corrupt, truncated, or beyond a scan limit. Names the layer. */
public final class LayerException extends RuntimeException {

    public LayerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LayerException(String message) {
        super(message);
    }
}
