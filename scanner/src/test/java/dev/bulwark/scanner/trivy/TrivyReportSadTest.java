package dev.bulwark.scanner.trivy;

import static dev.bulwark.scanner.trivy.TrivyFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrivyReportSadTest {

    @Test
    void refusesASchemaVersionOtherThanTwoAndSaysToRerunTrivy() {
        Path file = fixture("sad/wrong-schema-version.json");

        assertThatThrownBy(() -> TrivyReport.read(file))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("SchemaVersion 3")
                .hasMessageContaining("Bulwark reads Trivy reports with SchemaVersion 2; re-run trivy with a current version");
    }

    @Test
    void refusesTheOldArrayReportOfTrivyBeforeSchemaVersions() {
        assertThatThrownBy(() -> TrivyReport.read(fixture("sad/schema-1-array.json")))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining("no SchemaVersion")
                .hasMessageContaining("re-run trivy with a current version");
    }

    @Test
    void namesTheJsonPathOfAVulnerabilityWithoutAnId() {
        Path file = fixture("sad/missing-vulnerability-id.json");

        assertThatThrownBy(() -> TrivyReport.read(file))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageStartingWith(file + " at Results[1].Vulnerabilities[3]: has no VulnerabilityID")
                .asInstanceOf(type(TrivyReportException.class))
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.location()).isEqualTo("Results[1].Vulnerabilities[3]");
                });
    }

    @Test
    void namesTheJsonPathOfAVulnerabilityWithoutAPackageName() {
        assertThatThrownBy(() -> TrivyReport.read(fixture("sad/missing-pkg-name.json")))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining("at Results[1].Vulnerabilities[3]: has no PkgName");
    }

    @Test
    void refusesTrivysTableOutputAsNotJson() {
        Path file = fixture("sad/not-json.txt");

        assertThatThrownBy(() -> TrivyReport.read(file))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining(file + ": is not JSON (")
                .hasMessageContaining("pass the file trivy wrote with --format json");
    }

    @Test
    void refusesAnEmptyFile(@TempDir Path directory) throws Exception {
        Path empty = Files.createFile(directory.resolve("empty.json"));

        assertThatThrownBy(() -> TrivyReport.read(empty))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void saysWhichFieldHasTheWrongType(@TempDir Path directory) throws Exception {
        Path report = Files.writeString(directory.resolve("report.json"), """
                {"SchemaVersion": 2, "Results": [{"Type": "npm", "Vulnerabilities": [
                  {"VulnerabilityID": "CVE-2024-1", "PkgName": "left-pad", "Severity": 3}]}]}
                """);

        assertThatThrownBy(() -> TrivyReport.read(report))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining("at Results[0].Vulnerabilities[0].Severity: must be a string, not number");
    }

    @Test
    void saysWhichCvssVectorIsInvalid(@TempDir Path directory) throws Exception {
        Path report = Files.writeString(directory.resolve("report.json"), """
                {"SchemaVersion": 2, "Results": [{"Type": "npm", "Vulnerabilities": [
                  {"VulnerabilityID": "CVE-2024-1", "PkgName": "left-pad",
                   "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L"}}}]}]}
                """);

        assertThatThrownBy(() -> TrivyReport.read(report))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining("at Results[0].Vulnerabilities[0].CVSS.nvd.V3Vector: Invalid CVSS vector");
    }

    @Test
    void refusesAMissingFile(@TempDir Path directory) {
        assertThatThrownBy(() -> TrivyReport.read(directory.resolve("absent.json")))
                .isInstanceOf(TrivyReportException.class)
                .hasMessageContaining("cannot be read");
    }
}
