package dev.bulwark.scanner.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The four real reports from Trivy's integration tests in {@code shared/corpora/trivy-reports}. */
class TrivyReportCorpusTest {

    private static final String ALPINE_LAYER = "sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0";
    private static final String DEBIAN_LAYER = "sha256:78c1b9419976227e05be9d243b7fa583bea44a5258e52018b2af4cdfe23d148d";

    private static TrivyResult report(String name) {
        return TrivyReport.read(Corpora.corpus("trivy-reports/" + name + ".json.golden"));
    }

    private static Match match(TrivyResult result, String id, String packageName) {
        return result.matches().stream()
                .filter(match -> match.finding().vulnerabilityId().equals(id) && match.pkg().name().equals(packageName))
                .findFirst().orElseThrow(() -> new AssertionError(id + " in " + packageName + " not found"));
    }

    @Test
    void readsTheAlpineImageReport() {
        TrivyResult result = report("alpine-310");

        assertThat(result.artifactName()).isEqualTo("testdata/fixtures/images/alpine-310.tar.gz");
        assertThat(result.os()).contains(new OsRelease("alpine", "3.10.2", "", "alpine 3.10.2"));
        assertThat(result.matches()).hasSize(4);
        assertThat(result.packages()).extracting(Package::name).containsExactly("libcrypto1.1", "libssl1.1");

        Match fork = match(result, "CVE-2019-1549", "libcrypto1.1");
        Finding finding = fork.finding();
        assertThat(finding.pkg()).hasToString("pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2");
        assertThat(finding.pkg().version()).isEqualTo("1.1.1c-r0");
        assertThat(finding.fixedVersion()).isEqualTo("1.1.1d-r0");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.cvssScore()).hasValue(5.3);
        assertThat(finding.published()).contains(Instant.parse("2019-09-10T17:15:00Z"));
        assertThat(finding.aliases()).isEmpty();
        assertThat(finding.path()).isEmpty();
        assertThat(fork.pkg().ecosystem()).isEqualTo(Ecosystem.APK);
        assertThat(fork.pkg().layer()).isEqualTo(ALPINE_LAYER);
        assertThat(fork.title()).isEqualTo("openssl: information disclosure in fork()");
        assertThat(fork.severitySource()).isEqualTo("trivy:nvd");
        assertThat(fork.dataSource()).isEqualTo("Alpine Secdb");
        assertThat(fork.references()).hasSize(21)
                .startsWith("https://avd.aquasec.com/nvd/cve-2019-1549", "https://access.redhat.com/security/cve/CVE-2019-1549");

        assertThat(match(result, "CVE-2019-1551", "libssl1.1").finding().fixedVersion()).isEqualTo("1.1.1d-r2");
    }

    @Test
    void readsTheDebianImageReportWithAnUnfixedVulnerability() {
        TrivyResult result = report("debian-buster");

        assertThat(result.os()).contains(new OsRelease("debian", "10.1", "", null));
        assertThat(result.matches()).hasSize(2);
        assertThat(result.packages()).extracting(Package::name).containsExactly("bash", "libidn2-0");

        Match bash = match(result, "CVE-2019-18276", "bash");
        assertThat(bash.finding().pkg()).hasToString("pkg:deb/debian/bash@5.0-4?arch=amd64&distro=debian-10.1");
        assertThat(bash.finding().isFixable()).isFalse();
        assertThat(bash.finding().severity()).isEqualTo(Severity.LOW);
        // Debian rates it low; it has no CVSS entry of its own, so the score is NVD's.
        assertThat(bash.severitySource()).isEqualTo("trivy:debian");
        assertThat(bash.finding().cvssScore()).hasValue(7.8);
        assertThat(bash.pkg().layer()).isEqualTo(DEBIAN_LAYER);

        Match idn = match(result, "CVE-2019-18224", "libidn2-0");
        assertThat(idn.finding().pkg().version()).isEqualTo("2.0.5-1");
        assertThat(idn.finding().fixedVersion()).isEqualTo("2.0.5-1+deb10u1");
        assertThat(idn.finding().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(idn.finding().cvssScore()).hasValue(9.8);
        assertThat(idn.dataSource()).isEqualTo("Debian Security Tracker");
    }

    @Test
    void readsTheMavenRepositoryReport() {
        TrivyResult result = report("pom");

        assertThat(result.os()).isEmpty();
        assertThat(result.matches()).hasSize(2);
        assertThat(result.packages()).hasSize(1);

        Match gadgets = match(result, "CVE-2020-9548", "com.fasterxml.jackson.core:jackson-databind");
        assertThat(gadgets.finding().pkg()).isEqualTo(Purl.of("maven", "com.fasterxml.jackson.core", "jackson-databind", "2.9.1"));
        assertThat(gadgets.finding().fixedVersion()).isEqualTo("2.9.10.4");
        assertThat(gadgets.finding().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(gadgets.finding().cvssScore()).hasValue(9.8);
        assertThat(gadgets.finding().aliases()).containsExactly("GHSA-p43x-xfjf-5jhr");
        assertThat(gadgets.finding().path()).isEqualTo("pom.xml");
        assertThat(gadgets.pkg().ecosystem()).isEqualTo(Ecosystem.MAVEN);
        assertThat(gadgets.dataSource()).isEqualTo("GitHub Security Advisory Maven");

        Match swing = match(result, "CVE-2021-20190", "com.fasterxml.jackson.core:jackson-databind");
        assertThat(swing.finding().fixedVersion()).isEqualTo("2.9.10.7");
        assertThat(swing.finding().severity()).isEqualTo(Severity.HIGH);
        assertThat(swing.finding().cvssScore()).hasValue(8.1);
        assertThat(swing.finding().aliases()).containsExactly("GHSA-5949-rw7g-wx7w");
    }

    @Test
    void readsTheNpmRepositoryReportWithEveryPackageListed() {
        TrivyResult result = report("npm");

        assertThat(result.matches()).hasSize(1);
        assertThat(result.packages()).hasSize(12).allSatisfy(pkg -> {
            assertThat(pkg.ecosystem()).isEqualTo(Ecosystem.NPM);
            assertThat(pkg.path()).isEqualTo("package-lock.json");
        });
        assertThat(result.packages()).extracting(Package::name).contains("asap", "jquery", "symbol-observable");

        Match jquery = match(result, "CVE-2019-11358", "jquery");
        assertThat(jquery.finding().pkg()).hasToString("pkg:npm/jquery@3.3.9");
        assertThat(jquery.finding().fixedVersion()).isEqualTo("3.4.0");
        assertThat(jquery.finding().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(jquery.finding().cvssScore()).hasValue(6.1);
        assertThat(jquery.finding().aliases()).isEqualTo(Set.of("GHSA-6c3j-c64m-qhgq"));
        assertThat(jquery.finding().published()).isEqualTo(Optional.of(Instant.parse("2019-04-20T00:29:00Z")));
        assertThat(jquery.pkg()).isIn(result.packages());
    }

    @Test
    void givesEveryFindingAPurlThatParsesBackToItself() {
        for (String name : List.of("alpine-310", "debian-buster", "pom", "npm")) {
            TrivyResult result = report(name);
            assertThat(result.matches()).isNotEmpty().allSatisfy(match -> {
                Purl purl = match.finding().pkg();
                assertThat(Purl.parse(purl.toString())).isEqualTo(purl);
                assertThat(match.pkg().purl()).isEqualTo(purl);
                assertThat(match.pkg().ecosystem().purlType()).isEqualTo(purl.type());
            });
            assertThat(result.packages()).allSatisfy(pkg -> assertThat(Purl.parse(pkg.purl().toString())).isEqualTo(pkg.purl()));
        }
    }
}
