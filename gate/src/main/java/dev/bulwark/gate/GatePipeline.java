package dev.bulwark.gate;

import dev.bulwark.policy.model.DatabaseRules;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.vex.VexDocuments;
import dev.bulwark.policy.vex.VexStatement;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.gate.ImageGate;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.match.Matcher;
import dev.bulwark.scanner.match.MavenGroups;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.trivy.TrivyCli;
import dev.bulwark.scanner.trivy.TrivyReport;
import dev.bulwark.scanner.trivy.TrivyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gate, whatever calls it (the command line, a Jenkins step): read the image, find its vulnerabilities
 * (Bulwark's scanner and database, or Trivy), judge them by the policy's stage with its exceptions and VEX, and
 * give the report every output is written from. Reports and notifications are the caller's next steps
 * ({@link Reports}, {@link Feedback}); nothing here knows of command-line flags.
 */
public final class GatePipeline {

    private final Clock clock;
    private final String bulwarkVersion;
    private final PrintWriter log;
    private final Consumer<String> databaseProgress;

    /**
     * @param clock            the time reports and database ages are judged at
     * @param bulwarkVersion   the version written into reports
     * @param log              where the pipeline says what it reads and builds (standard error, a build log)
     * @param databaseProgress where a first-run database build reports its progress, line by line
     */
    public GatePipeline(Clock clock, String bulwarkVersion, PrintWriter log, Consumer<String> databaseProgress) {
        this.clock = clock;
        this.bulwarkVersion = bulwarkVersion;
        this.log = log;
        this.databaseProgress = databaseProgress;
    }

    /** Scans the image and judges it: the report says everything, its verdict decides the exit. */
    public ScanReport run(GateRequest request) {
        FindingsSource found = find(request);
        ImageGate.Request judge = new ImageGate.Request(request.policy()
                .map(chosen -> new ImageGate.PolicyStage(chosen.policy(), chosen.stage())), vex(request));
        return new ImageGate(clock, bulwarkVersion).judge(found.image(), found.matches(), found.database(), judge);
    }

    private static List<VexStatement> vex(GateRequest request) {
        List<VexStatement> statements = new ArrayList<>();
        for (Path file : request.vex()) {
            statements.addAll(VexDocuments.read(file));
        }
        request.policy().ifPresent(chosen -> statements.addAll(policyVex(chosen.policy(), chosen.file())));
        return statements;
    }

    /** The VEX statements of the documents a policy names, relative to its file. */
    public static List<VexStatement> policyVex(Policy policy, Path file) {
        List<VexStatement> statements = new ArrayList<>();
        Path base = file.toAbsolutePath().getParent();
        policy.vex().forEach(relative -> statements.addAll(VexDocuments.read(base.resolve(relative))));
        return statements;
    }

    private FindingsSource find(GateRequest request) {
        String argument = request.image().argument();
        return switch (request.finder().kind()) {
            case TRIVY_REPORT -> trivy(TrivyReport.read(request.finder().trivyReport().orElseThrow()), argument);
            case TRIVY -> trivy(TrivyCli.onPath(TrivyCli.DEFAULT_TIMEOUT).scan(argument), argument);
            case BULWARK -> bulwark(request);
        };
    }

    private static FindingsSource trivy(TrivyResult result, String argument) {
        return new FindingsSource(result.scannedImage(argument), result.matches(), Optional.empty());
    }

    private FindingsSource bulwark(GateRequest request) {
        ScannedImage scanned = request.scan().scan(request.image(), log);
        try (VulnDb vulns = VulnerabilityDatabase.openOrBuild(request.database(), clock, log, databaseProgress)) {
            Inventory identified = MavenGroups.of(vulns).complete(scanned.inventory());
            Matcher.Result result = new Matcher(vulns).match(identified);
            List<AnalyzerFailure> failures = new ArrayList<>(identified.failures());
            failures.addAll(result.problems());
            ScannedImage withProblems = new ScannedImage(scanned.image(),
                    new Inventory(identified.os(), identified.packages(), failures), scanned.cachedLayers());
            var maxAge = request.policy().map(PolicyStage::policy).map(Policy::database).orElse(DatabaseRules.defaults()).maxAge();
            return new FindingsSource(withProblems, result.matches(),
                    Optional.of(VulnerabilityDatabase.summary(vulns.metadata(), maxAge, request.allowStaleDb(), clock)));
        }
    }
}
