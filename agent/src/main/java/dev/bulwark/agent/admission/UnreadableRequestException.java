package dev.bulwark.agent.admission;

/** A request the plugin must judge but cannot read; it is refused, whatever the failure setting says. */
final class UnreadableRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnreadableRequestException(String message) {
        super(message);
    }
}
