package dev.bulwark.policy.vex;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A VEX document Bulwark cannot use: unreadable, not JSON, neither OpenVEX nor CycloneDX, or a statement that
 * breaks its format's rules. The message names the file, the place in it ({@code statements[3].status}) and
 * what a valid value looks like.
 */
public final class VexFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;

    /**
     * @param file     the document
     * @param location where in it, as a JSON path such as {@code statements[3].status}; empty for the whole file
     * @param problem  what is wrong and how to fix it
     */
    public VexFormatException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    /** As {@link #VexFormatException(Path, String, String)}, keeping the low-level cause. */
    public VexFormatException(Path file, String location, String problem, Throwable cause) {
        super(file + (location.isEmpty() ? "" : ": " + location) + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** The document that failed. */
    public Path file() {
        return file;
    }

    /** Where in the document, such as {@code statements[3]}; empty when the whole file is at fault. */
    public String location() {
        return location;
    }
}
