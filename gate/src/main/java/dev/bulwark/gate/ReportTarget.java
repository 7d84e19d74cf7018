package dev.bulwark.gate;

import dev.bulwark.scanner.report.ReportFormat;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One report to write from a run: its format, and its file or, when there is none, standard output.
 *
 * @param format the report's format
 * @param file   where to write it, or empty for standard output
 */
public record ReportTarget(ReportFormat format, Optional<Path> file) {

    public ReportTarget {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
    }

    /**
     * {@code FORMAT=FILE}, as Syft and Grype take several outputs: {@code sarif=reports/bulwark.sarif}.
     *
     * @throws IllegalArgumentException when there is no '=', or the format is not one Bulwark writes
     */
    public static ReportTarget parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not FORMAT=FILE (for example sarif=bulwark.sarif)");
        }
        return new ReportTarget(ReportFormat.parse(text.substring(0, equals).strip()), Optional.of(Path.of(text.substring(equals + 1).strip())));
    }

    /** Whether the text has the {@code FORMAT=FILE} form rather than being a file name alone. */
    public static boolean isTargetForm(String text) {
        int equals = text.indexOf('=');
        return equals > 0 && ReportFormat.isKnown(text.substring(0, equals).strip());
    }
}
