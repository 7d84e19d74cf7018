package dev.bulwark.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.testing.JsonSchemas;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.gate.ImageGate;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.testing.TestImages;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distro records name their CVEs in {@code upstream} (or, before OSV 1.7, {@code related}), not in {@code aliases}.
 * A DSA that fixes two CVEs and the DEBIAN-CVE record of one of them give one finding per CVE, named by the CVE,
 * each known by every advisory about it, so an exception written for the CVE applies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistroAdvisoryIdsTest {

    private static final Path RECORDS = records();

    @TempDir
    static Path temp;

    private ScannedImage image;
    private Matcher.Result result;

    @BeforeAll
    void matchTheDebianImage() {
        Path db = temp.resolve("debian.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(db, List.of(RECORDS.toString()));
        image = TestImages.scan("bulwark-test/debian");
        try (VulnDb vulns = VulnDb.open(db)) {
            result = new Matcher(vulns).match(image.inventory());
        }
    }

    @Test
    void theFixturesAreValidOsvRecordsAsTheFeedsWriteThem() throws IOException {
        var schema = JsonSchemas.corpusSchema("osv-schema/schema.json");
        try (Stream<Path> files = Files.list(RECORDS)) {
            for (Path record : files.filter(file -> file.toString().endsWith(".json")).toList()) {
                assertThat(schema.validate(new ObjectMapper().readTree(record.toFile()))).as(record.toString()).isEmpty();
            }
        }
    }

    @Test
    void namesEachFlawByItsCveOncePerPackageWithEveryAdvisoryAsAnAlias() {
        List<Match> libc = result.matches().stream().filter(m -> m.pkg().name().equals("libc6")).toList();

        assertThat(libc).extracting(m -> m.finding().vulnerabilityId())
                .containsExactlyInAnyOrder("CVE-2099-0001", "CVE-2099-0002");
        assertThat(finding(libc, "CVE-2099-0001").finding().aliases())
                .containsExactlyInAnyOrder("DEBIAN-CVE-2099-0001", "DSA-9901-1");
        assertThat(finding(libc, "CVE-2099-0002").finding().aliases()).containsExactly("DSA-9901-1");
        assertThat(libc).allSatisfy(m -> assertThat(m.finding().fixedVersion()).isEqualTo("2.36-9+deb12u99"));
        assertThat(finding(libc, "CVE-2099-0001").finding().cvssScore()).as("the DEBIAN-CVE record's vector counts")
                .isPresent();
    }

    @Test
    void readsTheCveOfAnOlderDistroRecordFromRelated() {
        assertThat(result.matches()).filteredOn(m -> m.pkg().name().equals("zlib1g"))
                .singleElement().satisfies(m -> {
                    assertThat(m.finding().vulnerabilityId()).isEqualTo("CVE-2099-0003");
                    assertThat(m.finding().aliases()).containsExactly("DLA-9902-1");
                });
    }

    @Test
    void anExceptionForTheCveSuppressesTheFindingTheDsaReported() {
        String accepted = """
                exceptions:
                  - {vulnerability: CVE-2099-0001, expires: 2099-12-31, reason: not reachable, owner: team@example.com}
                  - {vulnerability: CVE-2099-0002, expires: 2099-12-31, reason: not reachable, owner: team@example.com}
                  - {vulnerability: CVE-2099-0003, expires: 2099-12-31, reason: not reachable, owner: team@example.com}
                """;

        assertThat(judge("").verdict()).as("without the exceptions").containsInstanceOf(Verdict.Fail.class);
        assertThat(judge(accepted).verdict()).containsInstanceOf(Verdict.Pass.class);
    }

    private ScanReport judge(String exceptions) {
        Policy policy = new PolicyLoader().parse("t.yaml", ("""
                apiVersion: bulwark.dev/v1
                kind: Policy
                metadata: {name: accepted}
                stages: [{name: prod, gate: {severity: {fail: low}}}]
                """ + exceptions).getBytes(StandardCharsets.UTF_8), Path.of("."));
        List<Match> ours = result.matches().stream().filter(m -> m.finding().vulnerabilityId().startsWith("CVE-2099-")).toList();
        ImageGate gate = new ImageGate(Clock.fixed(Instant.parse("2099-06-01T00:00:00Z"), ZoneOffset.UTC), "test");
        return gate.judge(image, ours, Optional.empty(),
                new ImageGate.Request(Optional.of(new ImageGate.PolicyStage(policy, "prod")), List.of()));
    }

    private static Match finding(List<Match> matches, String id) {
        return matches.stream().filter(m -> m.finding().vulnerabilityId().equals(id)).findFirst().orElseThrow();
    }

    private static Path records() {
        try {
            return Path.of(DistroAdvisoryIdsTest.class.getResource("debian-advisories").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
