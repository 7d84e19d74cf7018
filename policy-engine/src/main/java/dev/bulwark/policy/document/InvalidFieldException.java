package dev.bulwark.policy.document;


/**
 * A value in a policy that cannot be right, naming the key it was written under so that the loader can
 * point at its line and column.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The key under the object being read, such as {@code fail} or {@code expires}. */
    public String field() {
        return field;
    }
}
