package dev.bulwark.scanner.image;

/** An image (archive, layout, manifest, config) that is not what its format says it must be. */
public final class ImageFormatException extends RuntimeException {

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
