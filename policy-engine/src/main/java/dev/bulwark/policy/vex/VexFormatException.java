package dev.bulwark.policy.vex;

import dev.bulwark.policy.document.DocumentFormatException;
import java.nio.file.Path;

/**
 * A VEX document Bulwark cannot use: unreadable, not JSON, neither OpenVEX nor CycloneDX, or a statement that
 * breaks its format's rules. The message names the file, the place in it ({@code statements[3].status}) and
 * what a valid value looks like.
 */
public final class VexFormatException extends DocumentFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file     the document
     * @param location where in it, as a JSON path such as {@code statements[3].status}; empty for the whole file
     * @param problem  what is wrong and how to fix it
     */
    public VexFormatException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    /**
     * As {@link #VexFormatException(Path, String, String)}, keeping the low-level cause.
     *
     * @param file     the document
     * @param location where in it; empty for the whole file
     * @param problem  what is wrong and how to fix it
     * @param cause    the low-level error
     */
    public VexFormatException(Path file, String location, String problem, Throwable cause) {
        super(file, location, problem, cause);
    }
}
