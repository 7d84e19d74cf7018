package dev.bulwark.gate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who finds the vulnerabilities: Bulwark's own scanner and database, the trivy command, or a Trivy JSON report
 * written earlier.
 *
 * @param kind        which of them
 * @param trivyReport the report, for {@link Kind#TRIVY_REPORT}
 */
public record Finder(Kind kind, Optional<Path> trivyReport) {

    /** The finders. */
    public enum Kind { BULWARK, TRIVY, TRIVY_REPORT }

    public static final Finder BULWARK = new Finder(Kind.BULWARK, Optional.empty());

    public Finder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trivyReport, "trivyReport");
        if ((kind == Kind.TRIVY_REPORT) != trivyReport.isPresent()) {
            throw new IllegalArgumentException("a Trivy report is read only when the findings come from one");
        }
    }

    /**
     * The finder named {@code bulwark} or {@code trivy}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Finder named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "bulwark" -> BULWARK;
            case "trivy" -> new Finder(Kind.TRIVY, Optional.empty());
            default -> throw new IllegalArgumentException("the scanner '" + name + "' is not known: use bulwark or trivy");
        };
    }

    /** The findings of a Trivy JSON report. */
    public static Finder trivyReport(Path report) {
        return new Finder(Kind.TRIVY_REPORT, Optional.of(report));
    }
}
