package dev.bulwark.scanner.analyzer.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.analyzer.AnalyzerFixtures;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.OsRelease;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsReleaseAnalyzerTest {

    private static final String OS_RELEASE = "etc/os-release";

    private final OsReleaseAnalyzer analyzer = new OsReleaseAnalyzer();

    @Test
    void readsDebian12() {
        assertThat(release(analyzer.analyze(fixture("happy/debian-12/os-release", OS_RELEASE))))
                .isEqualTo(new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"));
    }

    @Test
    void readsAlpine320WhoseVersionHasAPatchLevel() {
        assertThat(release(analyzer.analyze(fixture("happy/alpine-3.20/os-release", OS_RELEASE))))
                .isEqualTo(new OsRelease("alpine", "3.20.3", "", "Alpine Linux v3.20"));
    }

    @Test
    void readsUbuntu2204FromUsrLib() {
        assertThat(release(analyzer.analyze(fixture("happy/ubuntu-22.04/os-release", "usr/lib/os-release"))))
                .isEqualTo(new OsRelease("ubuntu", "22.04", "jammy", "Ubuntu 22.04.5 LTS"));
    }

    @Test
    void readsRocky9WhoseValuesAreAllQuotedAndWhichHasNoCodename() {
        assertThat(release(analyzer.analyze(fixture("happy/rocky-9/os-release", OS_RELEASE))))
                .isEqualTo(new OsRelease("rocky", "9.4", "", "Rocky Linux 9.4 (Blue Onyx)"));
    }

    @Test
    void skipsCommentsAndUnquotesSingleAndDoubleQuotedValuesWithEscapes() {
        assertThat(release(analyzer.analyze(fixture("happy/quoted-and-commented/os-release", OS_RELEASE))))
                .isEqualTo(new OsRelease("example", "2024.1", "", "Example \"Quoted\" Linux 2024.1 (costs $0, path C:\\example)"));
    }

    @Test
    void readsAnOsReleaseFileWithWindowsLineEndings() {
        String crlf = new String(fixture("happy/debian-12/os-release", OS_RELEASE).content(), StandardCharsets.UTF_8).replace("\n", "\r\n");

        assertThat(release(analyzer.analyze(new AnalyzerInput(OS_RELEASE, crlf.getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"));
    }

    @Test
    void readsTheMajorReleaseFromDebianVersion() {
        assertThat(release(analyzer.analyze(fixture("happy/debian-12/debian_version", "etc/debian_version"))))
                .isEqualTo(new OsRelease("debian", "12", "", "Debian GNU/Linux 12.7"));
    }

    @Test
    void readsAlpineRelease() {
        assertThat(release(analyzer.analyze(fixture("happy/alpine-3.20/alpine-release", "etc/alpine-release"))))
                .isEqualTo(new OsRelease("alpine", "3.20.3", "", "Alpine Linux 3.20.3"));
    }

    @Test
    void tellsRockyFromRhelInRedhatRelease() {
        assertThat(release(analyzer.analyze(fixture("happy/rocky-9/redhat-release", "etc/redhat-release"))))
                .isEqualTo(new OsRelease("rocky", "9.4", "", "Rocky Linux release 9.4 (Blue Onyx)"));
        assertThat(release(analyzer.analyze(new AnalyzerInput("etc/redhat-release",
                "Red Hat Enterprise Linux release 8.10 (Ootpa)\n".getBytes(StandardCharsets.UTF_8))))).isEqualTo(
                new OsRelease("rhel", "8.10", "", "Red Hat Enterprise Linux release 8.10 (Ootpa)"));
    }

    @Test
    void reportsAnOsReleaseFileWithoutAnId() {
        assertThat(analyzer.analyze(fixture("sad/no-id/os-release", OS_RELEASE)))
                .isEqualTo(new AnalyzerOutcome.Failed("os-release", OS_RELEASE, "no ID in the release file"));
    }

    @Test
    void reportsAnOsReleaseFileCutShortInsideAQuotedValue() {
        assertThat(analyzer.analyze(fixture("sad/truncated-rocky-9/os-release", OS_RELEASE)))
                .isEqualTo(new AnalyzerOutcome.Failed("os-release", OS_RELEASE,
                        "ID=\"roc opens a quote that the line does not close: the release file is cut short or malformed"));
    }

    @Test
    void reportsAnEmptyReleaseFile() {
        assertThat(analyzer.analyze(fixture("sad/empty/alpine-release", "etc/alpine-release")))
                .isEqualTo(new AnalyzerOutcome.Failed("os-release", "etc/alpine-release", "the release file is empty"));
    }

    @Test
    void wantsTheReleaseFilesUnder64KiB() {
        assertThat(List.of(OS_RELEASE, "usr/lib/os-release", "etc/alpine-release", "etc/redhat-release", "etc/debian_version"))
                .allMatch(path -> analyzer.wants(path, 400), "wanted");
        assertThat(analyzer.wants(OS_RELEASE, 64 * 1024)).isFalse();
        assertThat(List.of("etc/lsb-release", "etc/system-release", "etc/os-release.bak", "srv/etc/os-release"))
                .noneMatch(path -> analyzer.wants(path, 400));
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(OsReleaseAnalyzer.class);
    }

    private static OsRelease release(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalyzerOutcome.Found.class);
        AnalyzerOutcome.Found found = (AnalyzerOutcome.Found) outcome;
        assertThat(found.packages()).isEmpty();
        assertThat(found.problems()).isEmpty();
        assertThat(found.os()).isPresent();
        return found.os().get();
    }

    private static AnalyzerInput fixture(String resource, String imagePath) {
        return AnalyzerFixtures.fixture(OsReleaseAnalyzerTest.class, resource, imagePath);
    }
}
