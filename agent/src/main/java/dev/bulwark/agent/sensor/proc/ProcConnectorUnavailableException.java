package dev.bulwark.agent.sensor.proc;

/**
 * The kernel's process events connector cannot be used here; the caller should fall back to {@link ProcPollSensor}.
 */
public final class ProcConnectorUnavailableException extends RuntimeException {

    ProcConnectorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
