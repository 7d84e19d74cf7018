package dev.bulwark.agent.sensor.files;

/** fanotify cannot watch containers here; the agent runs on without file-read events. */
public final class FanotifyUnavailableException extends RuntimeException {

    FanotifyUnavailableException(String message) {
        super(message);
    }
}
