package dev.bulwark.policy.document;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A document Bulwark reads from a user (a VEX document, a Trivy report) that is not what its format says: not
 * JSON, an unknown schema, or a node without what it must have. The message names the file, the place in it as
 * a JSON path ({@code statements[3].status}, {@code Results[1].Vulnerabilities[3]}) and the fix.
 */
public class DocumentFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;

    /**
     * @param file     the document
     * @param location where in it, as a JSON path; empty when the whole file is at fault
     * @param problem  what is wrong and how to fix it
     * @param cause    the low-level error, or {@code null}
     */
    protected DocumentFormatException(Path file, String location, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + (location.isEmpty() ? "" : " at " + location) + ": " + problem,
                cause);
        this.file = file;
        this.location = location;
    }

    /**
     * The document that failed.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * Where in the document.
     *
     * @return a JSON path such as {@code statements[3]}; empty when the whole file is at fault
     */
    public String location() {
        return location;
    }
}
