package dev.bulwark.notify.config;

/**
 * The {@code notify:} settings or a secret they refer to are wrong. The message names the setting, variable or
 * file and says how to fix it; it never contains a secret's value.
 */
public class NotifyConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotifyConfigException(String message) {
        super(message);
    }

    public NotifyConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
