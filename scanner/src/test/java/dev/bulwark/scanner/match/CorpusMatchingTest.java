package dev.bulwark.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.testing.TestImages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real advisories of the shared corpora (PyPA, GitHub Advisory Database for Maven and npm) against the
 * test images and a few packages at range boundaries. Each row was checked by hand against the advisory's
 * ranges: the fixed version expected is the one the advisory gives for the installed version's range.
 */
class CorpusMatchingTest {

    @TempDir
    static Path temp;

    private static VulnDb db;
    private static final Map<String, Matcher.Result> BY_IMAGE = new ConcurrentHashMap<>();

    @BeforeAll
    static void ingestTheCorpora() {
        Path file = temp.resolve("vulns.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(file, List.of(
                Corpora.corpus("osv-pypi/vulns").toString(), Corpora.corpus("osv-ghsa/maven").toString(),
                Corpora.corpus("osv-ghsa/npm").toString()));
        db = VulnDb.open(file);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Matcher.Result scan(String image) {
        return BY_IMAGE.computeIfAbsent(image, name -> new Matcher(db).match(TestImages.scan(name).inventory()));
    }

    private static Matcher.Result single(String ecosystem, String purl) {
        Purl parsed = Purl.parse(purl);
        String name = ecosystem.equals("maven") ? parsed.namespace() + ":" + parsed.name() : parsed.name();
        Package pkg = new Package(Ecosystem.ofPurlType(ecosystem).orElseThrow(), name, parsed.version(), parsed, "", "", "", "/test");
        return new Matcher(db).match(new Inventory(Optional.empty(), List.of(pkg), List.of()));
    }

    private static Optional<Match> find(Matcher.Result result, String packageName, String advisory) {
        return result.matches().stream().filter(m -> m.pkg().name().equals(packageName) && m.finding().isKnownAs(advisory))
                .findFirst();
    }

    @ParameterizedTest(name = "{0}: {1} has {2} (fixed in {3})")
    @CsvSource({
        "bulwark-test/java,       org.apache.logging.log4j:log4j-core,   GHSA-jfh8-c2jp-5v3q, 2.15.0",
        "bulwark-test/java,       org.apache.logging.log4j:log4j-core,   CVE-2021-45046,      2.16.0",
        "bulwark-test/java,       org.apache.logging.log4j:log4j-core,   GHSA-p6xc-xr62-6r2g, 2.17.0",
        "bulwark-test/java,       org.apache.commons:commons-text,       CVE-2022-42889,      1.10.0",
        "bulwark-test/java,       org.yaml:snakeyaml,                    GHSA-mjmj-j48q-9wg2, 2.0",
        "bulwark-test/java,       com.fasterxml.jackson.core:jackson-databind, GHSA-57j2-w4cx-62h2, 2.13.2.1",
        "bulwark-test/java,       com.fasterxml.jackson.core:jackson-databind, CVE-2022-42003, 2.13.4.1",
        "bulwark-test/node,       minimist,                              GHSA-xvch-5gv4-984h, 1.2.6",
        "bulwark-test/node,       qs,                                    CVE-2022-24999,      6.7.3",
        "bulwark-test/node,       lodash,                                GHSA-35jh-r3h4-6jhm, 4.17.21",
        "bulwark-test/node,       express,                               GHSA-rv95-896h-c2vc, 4.19.2",
        "bulwark-test/node,       express,                               GHSA-qw6h-vgh9-j6wx, 4.20.0",
        "bulwark-test/debian-pkgs, cryptography,                         PYSEC-2023-254,      41.0.6",
    })
    void findsTheAdvisoryInTheTestImage(String image, String pkg, String advisory, String fixed) {
        assertThat(find(scan(image), pkg, advisory)).hasValueSatisfying(match ->
                assertThat(match.finding().fixedVersion()).isEqualTo(fixed));
    }

    @ParameterizedTest(name = "{0}: {1} does not have {2}")
    @CsvSource({
        "bulwark-test/java, org.apache.logging.log4j:log4j-api, GHSA-jfh8-c2jp-5v3q",
        "bulwark-test/java, org.yaml:snakeyaml,                 GHSA-c4r9-r8fh-9vj2",
        "bulwark-test/java, org.apache.commons:commons-lang3,   CVE-2022-42889",
    })
    void doesNotFindAnAdvisoryOutsideItsRanges(String image, String pkg, String advisory) {
        assertThat(find(scan(image), pkg, advisory)).isEmpty();
    }

    @ParameterizedTest(name = "{1} {2} {3}")
    @CsvSource({
        "maven, pkg:maven/com.google.guava/guava@29.0,  GHSA-5mg8-w23w-74h3, affected (last_affected 29.0 is itself affected)",
        "maven, pkg:maven/com.google.guava/guava@30.0,  GHSA-5mg8-w23w-74h3, not affected (after last_affected 29.0)",
        "npm,   pkg:npm/lodash.trim@4.5.1,              GHSA-29mw-wpgm-hmr9, affected (last_affected in the second package entry)",
        "npm,   pkg:npm/lodash@4.17.21,                 GHSA-35jh-r3h4-6jhm, not affected (the fixed version itself)",
        "npm,   pkg:npm/minimist@1.2.0,                 GHSA-7fhm-mqm4-2wp7, not affected (the record is withdrawn)",
        "maven, pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.5, GHSA-wrr7-33fx-rcvj, not affected (the record is withdrawn)",
        "maven, pkg:maven/org.apache.logging.log4j/log4j-core@2.12.1, GHSA-jfh8-c2jp-5v3q, affected (the 2.4 to 2.12.2 range)",
        "maven, pkg:maven/org.apache.logging.log4j/log4j-core@2.12.2, GHSA-jfh8-c2jp-5v3q, not affected (between two ranges)",
        "pypi,  pkg:pypi/Cryptography@38.0.4,           GHSA-jfhm-5ghh-2f97, affected (known by its alias; name normalised)",
    })
    void decidesRangeBoundariesAsTheOsvSchemaSays(String ecosystem, String purl, String advisory, String expectation) {
        Optional<Match> match = find(single(ecosystem, purl), Purl.parse(purl).namespace().isEmpty() || !ecosystem.equals("maven")
                ? Purl.parse(purl).name() : Purl.parse(purl).namespace() + ":" + Purl.parse(purl).name(), advisory);

        assertThat(match.isPresent()).as(expectation).isEqualTo(expectation.startsWith("affected"));
    }

    @org.junit.jupiter.api.Test
    void mergesTheAdvisoriesOfOneVulnerabilityIntoOneFindingPerPackage() {
        Matcher.Result python = scan("bulwark-test/debian-pkgs");

        List<Match> cve202349083 = python.matches().stream().filter(m -> m.finding().isKnownAs("CVE-2023-49083")).toList();

        assertThat(cve202349083).singleElement().satisfies(match -> {
            assertThat(match.finding().vulnerabilityId()).isEqualTo("CVE-2023-49083");
            assertThat(match.finding().aliases()).contains("GHSA-jfhm-5ghh-2f97", "PYSEC-2023-254");
            assertThat(match.finding().cvssScore()).hasValue(7.5);
        });
        assertThat(scan("bulwark-test/node").matches().stream().filter(m -> m.finding().isKnownAs("GHSA-xvch-5gv4-984h")))
                .as("minimist is in node_modules and in package-lock.json: one finding").hasSize(1);
        assertThat(python.problems()).isEmpty();
    }
}
