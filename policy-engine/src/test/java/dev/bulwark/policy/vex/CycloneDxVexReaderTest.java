package dev.bulwark.policy.vex;

import static dev.bulwark.policy.vex.VexFixtures.about;
import static dev.bulwark.policy.vex.VexFixtures.finding;
import static dev.bulwark.policy.vex.VexFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.pkg.PurlPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CycloneDxVexReaderTest {

    private static final String OPENSSL = "pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11";
    private static final String ZLIB = "pkg:deb/debian/zlib1g@1%3A1.2.11.dfsg-2%2Bdeb11u2?arch=amd64&distro=debian-11";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar";

    private final List<VexStatement> statements = read("cyclonedx/shop-api.cdx.json");

    @Test
    void resolvesACycloneDxAffectsRefToItsComponentPurl() {
        VexStatement statement = about(statements, finding("CVE-2023-0286", OPENSSL)).get(0);

        assertThat(statement.products()).extracting(PurlPattern::text).containsExactly(
                "pkg:deb/debian/openssl@1.1.1n-0+deb11u3", "pkg:deb/debian/libssl1.1@1.1.1n-0+deb11u3");
        assertThat(statement.isAbout(finding("CVE-2023-0286", ZLIB))).isFalse();
        assertThat(statement.justification())
                .isEqualTo("code_not_reachable: shop-api never compares X.400 GeneralNames: it does no CRL checking.");
    }

    @Test
    void suppressesAFindingKnownByAReferenceOfANestedComponent() {
        assertThat(about(statements, finding("CVE-2021-45046", LOG4J))).singleElement().satisfies(statement -> {
            assertThat(statement.vulnerability()).isEqualTo("CVE-2021-45046");
            assertThat(statement.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(statement.justification()).startsWith("requires_configuration: ");
            assertThat(statement.suppresses()).isTrue();
        });
    }

    @Test
    void resolvesABomLinkToAComponentOfThisDocument() {
        assertThat(about(statements, finding("GHSA-p6xc-xr62-6r2g", LOG4J))).singleElement()
                .satisfies(statement -> assertThat(statement.status()).isEqualTo(VexStatus.AFFECTED))
                .satisfies(statement -> assertThat(statement.products()).extracting(PurlPattern::text)
                        .containsExactly("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
    }

    @Test
    void resolvesABomLinkIntoAnotherBomByThePurlItNames() {
        String databind = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.12.6";

        assertThat(about(statements, finding("CVE-2020-36518", databind))).singleElement()
                .satisfies(statement -> assertThat(statement.status()).isEqualTo(VexStatus.UNDER_INVESTIGATION));
    }

    @Test
    void resolvesARefThatIsItselfAPurl() {
        assertThat(about(statements, finding("CVE-2022-0778", OPENSSL))).singleElement()
                .satisfies(statement -> assertThat(statement.status()).isEqualTo(VexStatus.FIXED));
    }

    @Test
    void treatsTheImageComponentAsEveryPackage() {
        assertThat(about(statements, finding("CVE-2022-4304", ZLIB))).singleElement().satisfies(statement -> {
            assertThat(statement.products()).isEmpty();
            assertThat(statement.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(statement.justification()).startsWith("The scanner matched the upstream version");
        });
    }

    @Test
    void skipsAVulnerabilityThatHasNoAnalysis() {
        assertThat(statements).extracting(VexStatement::vulnerability).doesNotContain("CVE-2023-44487");
    }

    @Test
    void namesTheFileTheSerialNumberAndTheVulnerabilityAsSource() {
        assertThat(statements.get(0).source())
                .isEqualTo("shop-api.cdx.json#urn:uuid:5f123f9f-6f8d-42bb-a545-a3745a286d19 vulnerabilities[0]");
    }

    @Test
    void readsCycloneDx14() {
        List<VexStatement> payments = read("cyclonedx/payments-1.4.cdx.json");

        assertThat(about(payments, finding("GHSA-jfh8-c2jp-5v3q", "pkg:maven/org.apache.logging.log4j/log4j-core@2.16.0")))
                .singleElement()
                .satisfies(statement -> assertThat(statement.status()).isEqualTo(VexStatus.FIXED));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"resolved, FIXED", "resolved_with_pedigree, FIXED", "exploitable, AFFECTED",
            "in_triage, UNDER_INVESTIGATION", "false_positive, NOT_AFFECTED", "not_affected, NOT_AFFECTED"})
    void mapsEachAnalysisStateOntoAVexStatus(String state, VexStatus status, @TempDir Path directory) throws IOException {
        Path document = Files.writeString(directory.resolve("state.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "vulnerabilities": [{"id": "CVE-2022-0778", "analysis": {"state": "%s"},
                                      "affects": [{"ref": "pkg:deb/debian/openssl@1.1.1n-0%%2Bdeb11u3"}]}]}
                """.formatted(state));

        assertThat(VexDocuments.read(document)).singleElement().extracting(VexStatement::status).isEqualTo(status);
    }

    @Test
    void narrowsAVersionlessRefToTheVersionsItLists(@TempDir Path directory) throws IOException {
        Path document = Files.writeString(directory.resolve("versions.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "vulnerabilities": [{"id": "CVE-2021-44228", "analysis": {"state": "not_affected",
                                      "justification": "code_not_reachable"},
                                      "affects": [{"ref": "pkg:maven/org.apache.logging.log4j/log4j-core",
                                                   "versions": [{"version": "2.14.1", "status": "unaffected"}]}]}]}
                """);

        VexStatement statement = VexDocuments.read(document).get(0);

        assertThat(statement.isAbout(finding("CVE-2021-44228", LOG4J))).isTrue();
        assertThat(statement.isAbout(finding("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0")))
                .isFalse();
    }

    @Test
    void rejectsAVersionRangeItCannotMatchRatherThanReadingItAsEveryVersion(@TempDir Path directory) throws IOException {
        Path document = Files.writeString(directory.resolve("range.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "vulnerabilities": [{"id": "CVE-2021-44228", "analysis": {"state": "not_affected"},
                                      "affects": [{"ref": "pkg:maven/org.apache.logging.log4j/log4j-core",
                                                   "versions": [{"range": "vers:maven/>=2.0.0|<2.15.0"}]}]}]}
                """);

        assertThatThrownBy(() -> VexDocuments.read(document))
                .isInstanceOfSatisfying(VexFormatException.class, error -> assertThat(error.location())
                        .isEqualTo("vulnerabilities[0].affects[0].versions[0].range"))
                .hasMessageContaining("version ranges are not supported");
    }
}
