package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every report format, written from {@link ReportFixture#report()}, against its golden file in
 * {@code src/test/resources/dev/bulwark/scanner/report/golden/} ({@link #fileName}). Only line endings are normalised.
 *
 * <p>After a deliberate change to a format, regenerate the golden files and review the diff before committing:
 * <pre>
 * ./mvnw -o -pl scanner test -Dtest=ReportGoldenTest -Dbulwark.updateGolden=true
 * git diff scanner/src/test/resources/dev/bulwark/scanner/report/golden
 * </pre>
 */
class ReportGoldenTest {

    private static final Path GOLDEN_SOURCES = Path.of("src/test/resources/dev/bulwark/scanner/report/golden");

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void writesExactlyTheGoldenReport(ReportFormat format) throws IOException {
        String written = ReportWriter.of(format).write(ReportFixture.report());
        String name = fileName(format);
        if (Boolean.getBoolean("bulwark.updateGolden")) {
            Files.createDirectories(GOLDEN_SOURCES);
            Files.writeString(GOLDEN_SOURCES.resolve(name), written, StandardCharsets.UTF_8);
            return;
        }
        assertThat(normalised(written)).isEqualTo(normalised(golden(name)));
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void writesTheSameTextForTheSameReport(ReportFormat format) {
        ReportWriter writer = ReportWriter.of(format);

        assertThat(writer.write(ReportFixture.report())).isEqualTo(writer.write(ReportFixture.report()));
    }

    /** The golden file of a format, named so editors and browsers open it as what it is. */
    static String fileName(ReportFormat format) {
        return switch (format) {
            case TABLE -> "report.txt";
            case JSON -> "report.json";
            case SARIF -> "report.sarif.json";
            case JUNIT -> "report.junit.xml";
            case CYCLONEDX -> "report.cdx.json";
            case HTML -> "report.html";
        };
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file golden/%s: create it with -Dbulwark.updateGolden=true", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalised(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
