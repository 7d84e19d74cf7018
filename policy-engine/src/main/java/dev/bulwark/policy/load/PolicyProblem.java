package dev.bulwark.policy.load;

import java.util.Objects;

/**
 * One thing wrong with a policy file, where it is, and how to fix it.
 *
 * @param file    the file as the user named it
 * @param line    the line, from 1 (0 when unknown)
 * @param column  the column, from 1 (0 when unknown)
 * @param message what is wrong and how to fix it
 */
public record PolicyProblem(String file, int line, int column, String message) {

    public PolicyProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message}, the form editors and CI logs link to. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
