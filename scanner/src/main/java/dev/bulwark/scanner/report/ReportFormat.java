package dev.bulwark.scanner.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code bulwark scan} writes its report in. */
public enum ReportFormat {
    /** Text for terminals, 100 columns wide. */
    TABLE("table"),
    /** Bulwark's own JSON layout, documented in {@code docs/report-json.md}. */
    JSON("json"),
    /** SARIF 2.1.0, for code-scanning dashboards. */
    SARIF("sarif"),
    /** JUnit XML, as CI servers (Jenkins' junit step) read test results. */
    JUNIT("junit"),
    /** CycloneDX 1.6 JSON: the inventory and its vulnerabilities. */
    CYCLONEDX("cyclonedx"),
    /** One HTML page and its stylesheet beside it: no inline style or script, so it renders under Jenkins' CSP. */
    HTML("html");

    private final String word;

    ReportFormat(String word) {
        this.word = word;
    }

    /**
     * Reads a format as users write it ({@code sarif}, {@code SARIF}).
     *
     * @throws IllegalArgumentException naming the valid formats
     */
    public static ReportFormat parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.word.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a report format: use one of "
                        + Arrays.stream(values()).map(ReportFormat::toString).collect(Collectors.joining(", "))));
    }

    /** Whether the text names a format. */
    public static boolean isKnown(String text) {
        return Arrays.stream(values()).anyMatch(format -> format.word.equalsIgnoreCase(text == null ? "" : text.strip()));
    }

    @Override
    public String toString() {
        return word;
    }
}
