package dev.bulwark.scanner.trivy;

import static dev.bulwark.scanner.trivy.TrivyFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Fields the real corpus reports do not exercise, in hand-made reports shaped like Trivy's. */
class TrivyReportMappingTest {

    private static final TrivyResult OLDER = TrivyReport.read(fixture("happy/older-trivy-without-purls.json"));

    private static Match match(TrivyResult result, String id) {
        return result.matches().stream().filter(match -> match.finding().vulnerabilityId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not found"));
    }

    @Test
    void buildsDebianPurlsNamedAfterTheDistroWhenTrivyGivesNone() {
        Match bash = match(OLDER, "CVE-2019-18276");

        assertThat(bash.finding().pkg()).hasToString("pkg:deb/debian/bash@5.0-4?distro=debian-10.1");
        assertThat(bash.pkg().ecosystem()).isEqualTo(Ecosystem.DEB);
        assertThat(bash.finding().path()).as("an OS result's target is the image, not a file").isEmpty();
    }

    @Test
    void buildsMavenPurlsFromGroupAndArtifactAndKeepsTheJarPath() {
        Match logback = match(OLDER, "CVE-2024-12798");

        assertThat(logback.finding().pkg()).isEqualTo(Purl.of("maven", "ch.qos.logback", "logback-core", "1.2.13"));
        assertThat(logback.pkg().name()).isEqualTo("ch.qos.logback:logback-core");
        assertThat(logback.finding().path()).isEqualTo("opt/app/lib/logback-core-1.2.13.jar");
    }

    @Test
    void buildsScopedNpmPypiAndGoPurlsAndUsesTheLockfileOrBinaryAsPath() {
        assertThat(match(OLDER, "CVE-2023-45133").finding().pkg()).hasToString("pkg:npm/%40babel/traverse@7.22.0");
        assertThat(match(OLDER, "CVE-2023-45133").finding().path()).isEqualTo("app/package-lock.json");
        assertThat(match(OLDER, "CVE-2020-14343").finding().pkg()).hasToString("pkg:pypi/pyyaml@5.3");
        assertThat(match(OLDER, "GHSA-v778-237x-gjrc").finding().pkg()).hasToString("pkg:golang/golang.org/x/crypto@v0.21.0");
        assertThat(match(OLDER, "GHSA-v778-237x-gjrc").finding().path()).isEqualTo("usr/local/bin/shop");
    }

    @Test
    void choosesTheSmallestFixedVersionAboveTheInstalledOneWhenTrivyListsSeveral() {
        assertThat(match(OLDER, "CVE-2024-12798").finding().fixedVersion()).as("1.2.13 installed, '1.5.13, 1.3.15' listed")
                .isEqualTo("1.3.15");
        assertThat(match(OLDER, "CVE-2023-45133").finding().fixedVersion()).isEqualTo("7.23.2");
        assertThat(match(OLDER, "GHSA-v778-237x-gjrc").finding().fixedVersion()).isEqualTo("0.31.0");
    }

    @Test
    void takesTheScoreOfTheSeveritySourceFirstThenNvd() {
        assertThat(match(OLDER, "CVE-2024-12798").finding().cvssScore()).as("ghsa's v4.0 score").hasValue(5.9);
        assertThat(match(OLDER, "CVE-2019-18276").finding().cvssScore()).as("no debian entry: nvd's").hasValue(7.8);
    }

    @Test
    void computesTheScoreFromTheVectorWhenTrivyGivesOnlyTheVector() {
        assertThat(match(OLDER, "CVE-2023-45133").finding().cvssScore()).hasValue(9.8);
        assertThat(match(OLDER, "CVE-2020-14343").finding().cvssScore()).isEmpty();
    }

    @Test
    void fallsBackToUnknownSeverityTheDescriptionsFirstLineAndTrivyAsSource() {
        Match babel = match(OLDER, "CVE-2023-45133");

        assertThat(babel.finding().severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(babel.title()).isEqualTo("Babel is a compiler for writing next generation JavaScript.");
        assertThat(babel.severitySource()).isEqualTo("trivy");
        assertThat(babel.dataSource()).isEqualTo("Trivy");
        assertThat(babel.finding().published()).isEmpty();
    }

    @Test
    void takesTheOneLinkedAdvisoryAsAliasAndNoneWhenSeveralAreLinked() {
        assertThat(match(OLDER, "CVE-2024-12798").finding().aliases()).containsExactly("GHSA-pr98-23f8-jwxv");
        assertThat(match(OLDER, "CVE-2023-45133").finding().aliases()).as("one advisory, linked twice")
                .containsExactly("GHSA-67hx-6x53-jw92");
        assertThat(match(OLDER, "GHSA-v778-237x-gjrc").finding().aliases()).containsExactly("CVE-2024-45337");
        assertThat(match(OLDER, "CVE-2020-14343").finding().aliases()).as("two advisories linked").isEmpty();
        assertThat(match(OLDER, "CVE-2019-18276").finding().aliases()).isEmpty();
    }

    @Test
    void listsTheDistinctVulnerablePackagesWhenTrivyListedNone() {
        assertThat(OLDER.packages()).extracting(Package::name).containsExactly("bash", "ch.qos.logback:logback-core",
                "@babel/traverse", "PyYAML", "golang.org/x/crypto");
        assertThat(OLDER.artifactName()).isEqualTo("registry.example/shop:2.1");
    }

    @Test
    void listsEveryPackageWithItsSourceAndEpochAndGivesMatchesTheListedPackage() {
        TrivyResult result = TrivyReport.read(fixture("happy/list-all-pkgs-without-uids.json"));

        assertThat(result.packages()).hasSize(2);
        Package zlib = result.packages().get(1);
        assertThat(zlib.name()).isEqualTo("zlib1g");
        assertThat(zlib.version()).isEqualTo("1:1.2.11.dfsg-1");
        assertThat(zlib.sourceName()).isEqualTo("zlib");
        assertThat(zlib.sourceVersion()).isEqualTo("1:1.2.11.dfsg-1");
        Map<String, String> qualifiers = new TreeMap<>(Map.of("arch", "amd64", "distro", "debian-10.1"));
        assertThat(zlib.purl()).isEqualTo(new Purl("deb", "debian", "zlib1g", "1:1.2.11.dfsg-1", new TreeMap<>(qualifiers), ""));
        assertThat(result.packages().get(0).version()).isEqualTo("5.0-4");

        Match match = match(result, "CVE-2022-37434");
        assertThat(match.pkg()).as("found by PkgID, as reports before UIDs have no other key").isEqualTo(zlib);
        assertThat(match.finding().fixedVersion()).isEqualTo("1:1.2.11.dfsg-1+deb10u2");
        assertThat(result.inventory().packages()).hasSize(2);
    }
}
