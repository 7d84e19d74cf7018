package dev.bulwark.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.BulwarkCommand;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bulwark scan end to end: real test images from the Docker engine, a database built from the corpora. */
class ScanCommandTest {

    private static final Path POLICIES = Path.of("..", "examples", "policies");

    @TempDir
    static Path shared;

    static Path freshDb;
    static Path staleDb;

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void buildDatabases() {
        List<String> sources = List.of(Corpora.corpus("osv-ghsa/npm").toString(), Corpora.corpus("osv-ghsa/maven").toString());
        freshDb = shared.resolve("fresh.db");
        staleDb = shared.resolve("stale.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(freshDb, sources);
        new DbUpdater(Clock.fixed(Instant.now().minusSeconds(10 * 86_400), ZoneOffset.UTC), line -> { }).update(staleDb, sources);
    }

    private int run(String... args) {
        CommandLine commandLine = BulwarkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
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
        assertThat(err.toString()).contains("bulwark scan: FAIL at stage production");
    }

    @Test
    void passesWhenThePolicyOnlyWarnsAndExitsZero() {
        int exit = run("scan", "bulwark-test/busybox", "--db", freshDb.toString(), "--no-cache",
                "--policy", POLICIES.resolve("dev-lenient.yaml").toString(), "--stage", "dev");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("WARN").contains("image.runAsRoot");
    }

    @Test
    void failsClosedOnAStaleDatabaseUnlessTold() {
        String[] args = {"scan", "bulwark-test/busybox", "--db", staleDb.toString(), "--no-cache",
            "--policy", POLICIES.resolve("dev-lenient.yaml").toString(), "--stage", "dev", "--format", "json"};

        int refused = run(args);
        String refusedReport = out.toString();
        out.getBuffer().setLength(0);
        int allowed = run(concat(args, "--allow-stale-db"));

        assertThat(refused).isEqualTo(1);
        assertThat(refusedReport).contains("database.maxAgeHours").contains("bulwark db update");
        assertThat(allowed).isZero();
        assertThat(out.toString()).contains("\"staleOverridden\": true");
    }

    @Test
    void judgesTheFindingsOfATrivyReportUnderBulwarksPolicy() {
        int exit = run("scan", "alpine:3.10", "--from-trivy-report", Corpora.corpus("trivy-reports/alpine-310.json.golden").toString(),
                "--policy", POLICIES.resolve("production-strict.yaml").toString(), "--stage", "production", "--format", "json");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("CVE-2019-1549").contains("openssl");
    }

    @Test
    void refusesAStageWithoutAPolicyWithExitTwo() {
        int exit = run("scan", "bulwark-test/busybox", "--stage", "production");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--stage needs --policy");
    }

    @Test
    void namesTheStagesWhenThePolicyIsGivenWithoutOne() {
        int exit = run("scan", "bulwark-test/busybox", "--policy", POLICIES.resolve("dev-lenient.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--policy needs --stage: one of dev, test");
    }

    private static String[] concat(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

}
