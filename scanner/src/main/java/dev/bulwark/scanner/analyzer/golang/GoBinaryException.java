package dev.bulwark.scanner.analyzer.golang;

/** A file that is an ELF binary, or a Go binary, but cannot be read as one; the message says what is wrong. */
final class GoBinaryException extends RuntimeException {

    GoBinaryException(String message) {
        super(message);
    }
}
