package dev.bulwark.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bulwark scan end to end: real test images from the Docker engine, a database built from the corpora. */
class ScanCommandTest {

    private static final Path POLICIES = Path.of("..", "examples", "policies");

    @TempDir
    static Path shared;

    static Path freshDb;
    static Path staleDb;

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();

    @BeforeAll
    static void buildDatabases() {
        List<String> sources = List.of(Corpora.corpus("osv-ghsa/npm").toString(), Corpora.corpus("osv-ghsa/maven").toString());
        freshDb = shared.resolve("fresh.db");
        staleDb = shared.resolve("stale.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(freshDb, sources);
        new DbUpdater(Clock.fixed(Instant.now().minusSeconds(10 * 86_400), ZoneOffset.UTC), line -> { }).update(staleDb, sources);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void failsAnImageWithBlockingVulnerabilitiesWithExitOneAndWritesTheReport() throws Exception {
        Path sarif = temp.resolve("node.sarif");

        int exit = run("scan", "bulwark-test/node", "--db", freshDb.toString(), "--no-cache",
                "--policy", POLICIES.resolve("production-strict.yaml").toString(), "--stage", "production",
                "--format", "sarif", "--output", sarif.toString());

        assertThat(exit).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(sarif.toFile());
        assertThat(report.path("version").asText()).isEqualTo("2.1.0");
        assertThat(report.toString()).contains("GHSA-xvch-5gv4-984h").contains("minimist");
        assertThat(cli.err()).contains("bulwark scan: FAIL at stage production");
    }

    @Test
    void writesFourReportsFromOneRunAndTheFirstReasonsToTheLog() throws Exception {
        Path reports = temp.resolve("reports");

        int exit = run("scan", "bulwark-test/node", "--db", freshDb.toString(), "--no-cache",
                "--policy", POLICIES.resolve("production-strict.yaml").toString(), "--stage", "production",
                "-o", "junit=" + reports.resolve("bulwark-junit.xml"), "-o", "sarif=" + reports.resolve("bulwark.sarif"),
                "-o", "html=" + reports.resolve("bulwark.html"), "-o", "json=" + reports.resolve("bulwark.json"));

        assertThat(exit).isEqualTo(1);
        assertThat(reports).isDirectoryContaining("glob:**/bulwark-junit.xml").isDirectoryContaining("glob:**/bulwark.sarif")
                .isDirectoryContaining("glob:**/bulwark.html").isDirectoryContaining("glob:**/bulwark.json")
                .isDirectoryContaining("glob:**/bulwark-report.css");
        JsonNode json = new ObjectMapper().readTree(reports.resolve("bulwark.json").toFile());
        JsonNode sarif = new ObjectMapper().readTree(reports.resolve("bulwark.sarif").toFile());
        assertThat(sarif.path("runs").get(0).path("results").size()).isGreaterThanOrEqualTo(json.path("findings").size()).isPositive();
        assertThat(java.nio.file.Files.readString(reports.resolve("bulwark-junit.xml"))).contains("<testsuite");
        assertThat(cli.out()).as("nothing on standard output when every report has a file").isEmpty();
        assertThat(cli.err()).contains("bulwark scan: FAIL at stage production", "reports written to", "bulwark-report.css")
                .containsPattern("\\n  fail: \\S+ .+: .+");
    }

    @Test
    void givesAWarningItsOwnExitCodeWhenAskedSoThatAPipelineCanMarkItUnstable() {
        int exit = run("scan", "bulwark-test/busybox", "--db", freshDb.toString(), "--no-cache",
                "--policy", POLICIES.resolve("dev-lenient.yaml").toString(), "--stage", "dev", "--warn-exit-code", "4");

        assertThat(exit).isEqualTo(4);
        assertThat(cli.err()).contains("bulwark scan: WARN at stage dev");
    }

    @Test
    void refusesAnOutputThatIsNeitherAFileNorFormatEqualsFile() {
        int twoPlainFiles = run("scan", "bulwark-test/busybox", "--db", freshDb.toString(), "-o", "a.json", "-o", "b.json");
        String message = cli.err();
        cli.clear();
        int unknownFormat = run("scan", "bulwark-test/busybox", "--db", freshDb.toString(), "-o", "yaml=out.yaml", "-o", "x=y=z");

        assertThat(twoPlainFiles).isEqualTo(2);
        assertThat(message).contains("-o FILE is given 2 times", "-o json=a.json");
        assertThat(unknownFormat).isEqualTo(2);
    }

    @Test
    void passesWhenThePolicyOnlyWarnsAndExitsZero() {
        int exit = run("scan", "bulwark-test/busybox", "--db", freshDb.toString(), "--no-cache",
                "--policy", POLICIES.resolve("dev-lenient.yaml").toString(), "--stage", "dev");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("WARN").contains("image.runAsRoot");
    }

    @Test
    void failsClosedOnAStaleDatabaseUnlessTold() {
        String[] args = {"scan", "bulwark-test/busybox", "--db", staleDb.toString(), "--no-cache",
            "--policy", POLICIES.resolve("dev-lenient.yaml").toString(), "--stage", "dev", "--format", "json"};

        int refused = run(args);
        String refusedReport = cli.out();
        cli.clear();
        int allowed = run(concat(args, "--allow-stale-db"));

        assertThat(refused).isEqualTo(1);
        assertThat(refusedReport).contains("database.maxAgeHours").contains("bulwark db update");
        assertThat(allowed).isZero();
        assertThat(cli.out()).contains("\"staleOverridden\": true");
    }

    @Test
    void judgesTheFindingsOfATrivyReportUnderBulwarksPolicy() {
        int exit = run("scan", "alpine:3.10", "--from-trivy-report", Corpora.corpus("trivy-reports/alpine-310.json.golden").toString(),
                "--policy", POLICIES.resolve("production-strict.yaml").toString(), "--stage", "production", "--format", "json");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("CVE-2019-1549").contains("openssl");
    }

    @Test
    void refusesAStageWithoutAPolicyWithExitTwo() {
        int exit = run("scan", "bulwark-test/busybox", "--stage", "production");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("--stage needs --policy");
    }

    @Test
    void namesTheStagesWhenThePolicyIsGivenWithoutOne() {
        int exit = run("scan", "bulwark-test/busybox", "--policy", POLICIES.resolve("dev-lenient.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("--policy needs --stage: one of dev, test");
    }

    private static String[] concat(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

}
