package dev.bulwark.notify.config;

import java.util.Objects;

/**
 * A resolved secret: a webhook URL, a token, a password. It is not a record on purpose, so that no generated
 * accessor or {@code toString()} ever prints the value; read it with {@link #reveal()} only where it is sent.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws NotifyConfigException when the value is empty (without printing it)
     */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new NotifyConfigException("a secret is empty: set the environment variable or file that holds it");
        }
        return new Secret(value);
    }

    /** The value itself: pass it to the HTTP request that needs it, never to a message or a log. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return Redactor.MASK;
    }
}
