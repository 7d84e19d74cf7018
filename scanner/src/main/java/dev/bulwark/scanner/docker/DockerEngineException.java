package dev.bulwark.scanner.docker;

/** The Docker engine could not be reached or could not do what was asked; the message says what to do. */
public final class DockerEngineException extends RuntimeException {

    public DockerEngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public DockerEngineException(String message) {
        super(message);
    }
}
