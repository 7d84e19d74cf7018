package dev.bulwark.policy.vex;

import static dev.bulwark.policy.vex.VexFixtures.about;
import static dev.bulwark.policy.vex.VexFixtures.finding;
import static dev.bulwark.policy.vex.VexFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.PurlPattern;
import dev.bulwark.policy.vuln.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenVexReaderTest {

    private static final String OPENSSL = "pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11";
    private static final String LIBSSL = "pkg:deb/debian/libssl1.1@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11";
    private static final String ZLIB = "pkg:deb/debian/zlib1g@1%3A1.2.11.dfsg-2%2Bdeb11u2?arch=amd64&distro=debian-11";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";

    private final List<VexStatement> statements = read("openvex/shop-api.openvex.json");

    @Test
    void readsNotAffectedWithItsJustification() {
        List<VexStatement> found = about(statements, finding("CVE-2023-0286", OPENSSL));

        assertThat(found).singleElement().satisfies(statement -> {
            assertThat(statement.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(statement.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
            assertThat(statement.suppresses()).isTrue();
        });
    }

    @Test
    void appliesAStatementToItsSubcomponentsOnly() {
        VexStatement statement = about(statements, finding("CVE-2023-0286", OPENSSL)).get(0);

        assertThat(statement.products()).extracting(PurlPattern::text).containsExactly(
                "pkg:deb/debian/openssl@1.1.1n-0+deb11u3", "pkg:deb/debian/libssl1.1@1.1.1n-0+deb11u3");
        assertThat(statement.isAbout(finding("CVE-2023-0286", LIBSSL))).isTrue();
        assertThat(statement.isAbout(finding("CVE-2023-0286", ZLIB))).isFalse();
        assertThat(statement.isAbout(finding("CVE-2023-0286", "pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u4"))).isFalse();
    }

    @Test
    void suppressesAFindingKnownByAnAlias() {
        Finding knownByItsGhsaOnly = finding("GHSA-jfh8-c2jp-5v3q", LOG4J);

        assertThat(about(statements, knownByItsGhsaOnly)).singleElement()
                .satisfies(statement -> assertThat(statement.suppresses()).isTrue());
    }

    @Test
    void emitsOneStatementPerVulnerabilityNameAndAlias() {
        assertThat(statements).filteredOn(statement -> statement.source().endsWith("statements[1]"))
                .extracting(VexStatement::vulnerability)
                .containsExactly("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q");
    }

    @Test
    void readsAnImpactStatementAsTheJustificationWhenNoLabelIsGiven() {
        assertThat(about(statements, finding("CVE-2022-4304", LIBSSL))).singleElement()
                .extracting(VexStatement::justification).asString()
                .startsWith("TLS is terminated at the ingress");
        assertThat(about(statements, finding("CVE-2022-4304", OPENSSL))).isEmpty();
    }

    @Test
    void treatsAStatementAboutTheImageAsAboutEveryPackage() {
        List<VexStatement> found = about(statements, finding("CVE-2023-44487", "pkg:maven/io.netty/netty-codec-http2@4.1.86.Final"));

        assertThat(found).singleElement().satisfies(statement -> {
            assertThat(statement.products()).isEmpty();
            assertThat(statement.status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
            assertThat(statement.suppresses()).isFalse();
        });
    }

    @Test
    void keepsAffectedFindingsAndSuppressesFixedOnes() {
        assertThat(about(statements, finding("CVE-2021-45105", LOG4J))).singleElement()
                .satisfies(statement -> assertThat(statement.status()).isEqualTo(VexStatus.AFFECTED))
                .satisfies(statement -> assertThat(statement.suppresses()).isFalse());
        assertThat(about(statements, finding("CVE-2022-0778", LIBSSL))).singleElement()
                .satisfies(statement -> assertThat(statement.status()).isEqualTo(VexStatus.FIXED))
                .satisfies(statement -> assertThat(statement.suppresses()).isTrue());
    }

    @Test
    void namesTheFileTheDocumentAndTheStatementAsSource() {
        assertThat(statements.get(0).source())
                .isEqualTo("shop-api.openvex.json#https://openvex.dev/docs/example/vex-shop-api-2023-03 statements[0]");
    }

    @Test
    void readsOlderDocumentsWithPlainStringsAndStatementLevelSubcomponents() {
        List<VexStatement> older = read("openvex/shop-api-v0.0.1.openvex.json");

        assertThat(about(older, finding("CVE-2022-0778", OPENSSL))).singleElement()
                .satisfies(statement -> assertThat(statement.status()).isEqualTo(VexStatus.NOT_AFFECTED));
        assertThat(about(older, finding("CVE-2022-0778", LIBSSL))).isEmpty();
        assertThat(about(older, finding("CVE-2021-3711", LIBSSL))).singleElement()
                .satisfies(statement -> assertThat(statement.products()).as("an image reference is the whole image").isEmpty());
    }
}
