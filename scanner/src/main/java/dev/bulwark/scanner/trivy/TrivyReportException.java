package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.document.DocumentFormatException;
import java.nio.file.Path;

/**
 * A Trivy JSON report that Bulwark cannot read: not JSON, a schema it does not know, or a vulnerability without the
 * fields a finding needs. The message names the file, the JSON path ({@code Results[1].Vulnerabilities[3]}) and the
 * fix.
 */
public final class TrivyReportException extends DocumentFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file     the report file
     * @param location the JSON path of the offending node, or empty for the whole document
     * @param problem  what is wrong and how to fix it
     * @param cause    the underlying error, or {@code null}
     */
    public TrivyReportException(Path file, String location, String problem, Throwable cause) {
        super(file, location, problem, cause);
    }
}
