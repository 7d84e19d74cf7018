package dev.bulwark.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.source.ImageLocation;
import dev.bulwark.scanner.source.SourceOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate pipeline as any front end calls it: a real image from the Docker engine, a database from the corpora. */
class GatePipelineTest {

    private static final Path POLICIES = Path.of("..", "examples", "policies");

    @TempDir
    static Path shared;

    private static Path db;

    private final StringWriter log = new StringWriter();
    private final GatePipeline pipeline = new GatePipeline(Clock.systemUTC(), "test", new PrintWriter(log, true), line -> { });

    @BeforeAll
    static void buildTheDatabase() {
        db = shared.resolve("vulns.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(db, List.of(Corpora.corpus("osv-ghsa/npm").toString()));
    }

    private static GateRequest request(String image, Finder finder, Optional<PolicyStage> policy) {
        ScanSettings settings = new ScanSettings(SourceOptions.defaults(), ScanLimits.DEFAULTS, Optional.empty());
        return new GateRequest(ImageLocation.parse(image), settings, finder, db, false, policy, List.of());
    }

    @Test
    void scansMatchesAndJudgesAnImageFromTheEngineAtAStage() {
        PolicyStage production = PolicyStage.load(POLICIES.resolve("production-strict.yaml"), "production");

        ScanReport report = pipeline.run(request("bulwark-test/node", Finder.BULWARK, Optional.of(production)));

        assertThat(report.verdict()).hasValueSatisfying(verdict -> assertThat(verdict.word()).isEqualTo("fail"));
        assertThat(report.matches()).anySatisfy(match -> assertThat(match.finding().isKnownAs("GHSA-xvch-5gv4-984h")).isTrue());
        assertThat(report.database()).isPresent();
        assertThat(log.toString()).contains("bulwark: reading bulwark-test/node:latest from the Docker engine");
    }

    @Test
    void reportsWithoutAVerdictWhenThereIsNoPolicy() {
        ScanReport report = pipeline.run(request("bulwark-test/busybox", Finder.BULWARK, Optional.empty()));

        assertThat(report.verdict()).isEmpty();
        assertThat(report.image().inventory().os()).isEmpty();
    }

    @Test
    void takesTheFindingsOfATrivyReportInsteadOfScanning() {
        Finder trivy = Finder.trivyReport(Corpora.corpus("trivy-reports/npm.json.golden"));

        ScanReport report = pipeline.run(request("docker-archive:/nonexistent.tar", trivy, Optional.empty()));

        assertThat(report.matches()).isNotEmpty();
        assertThat(report.database()).isEmpty();
        assertThat(log.toString()).doesNotContain("reading");
    }

    @Test
    void failsWithTheCauseWhenTheImageCannotBeRead() {
        assertThatThrownBy(() -> pipeline.run(request("docker-archive:" + shared.resolve("missing.tar"), Finder.BULWARK, Optional.empty())))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("missing.tar does not exist");
    }

    @Test
    void refusesAStageThePolicyDoesNotHave() {
        assertThatThrownBy(() -> PolicyStage.load(POLICIES.resolve("production-strict.yaml"), "prod"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("production");
    }

    @Test
    void namesTheFindersItKnows() {
        assertThat(Finder.named(" Trivy ").kind()).isEqualTo(Finder.Kind.TRIVY);
        assertThatThrownBy(() -> Finder.named("grype")).hasMessageContaining("use bulwark or trivy");
    }
}
