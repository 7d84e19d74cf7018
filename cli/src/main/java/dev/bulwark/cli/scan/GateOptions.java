package dev.bulwark.cli.scan;

import dev.bulwark.cli.support.BulwarkVersion;
import dev.bulwark.cli.support.ExitCodes;
import dev.bulwark.cli.db.DbLocation;
import dev.bulwark.cli.image.ImageOptions;
import dev.bulwark.cli.image.Output;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.DatabaseRules;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.vex.VexDocuments;
import dev.bulwark.policy.vex.VexStatement;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.gate.ImageGate;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.match.Matcher;
import dev.bulwark.scanner.match.MavenGroups;
import dev.bulwark.scanner.report.ReportFormat;
import dev.bulwark.scanner.report.ReportWriter;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.trivy.TrivyCli;
import dev.bulwark.scanner.trivy.TrivyReport;
import dev.bulwark.scanner.trivy.TrivyResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of every command that judges an image (scan, gate, promote): the policy and stage, VEX, the
 * database, who finds the vulnerabilities, and the report.
 */
public final class GateOptions {

    @Mixin
    private DbLocation db;

    @Option(names = "--policy", paramLabel = "FILE", description = "the policy to judge the image by")
    private Path policyFile;

    @Option(names = "--stage", paramLabel = "STAGE", description = "the policy's stage to judge at (required with --policy)")
    private String stage;

    @Option(names = "--vex", paramLabel = "FILE", description = "an OpenVEX or CycloneDX VEX document; repeatable")
    private List<Path> vexFiles = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, sarif, junit, cyclonedx or html (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of standard output")
    private Path output;

    @Option(names = "--allow-stale-db", description = "accept a database older than the policy allows (the report says so)")
    private boolean allowStaleDb;

    @Option(names = "--scanner", paramLabel = "bulwark|trivy", defaultValue = "bulwark",
            description = "who finds the vulnerabilities: Bulwark (default) or the trivy CLI, when installed")
    private String scanner;

    @Option(names = "--from-trivy-report", paramLabel = "FILE", description = "take the findings from a Trivy JSON report")
    private Path trivyReport;

    private final Clock clock = Clock.systemUTC();
    private Optional<Policy> loaded = Optional.empty();

    /** Scans the image and judges it; the report says everything, the verdict decides the exit code. */
    public ScanReport run(ImageOptions image, CommandSpec spec) {
        ReportFormat.parse(format);
        Optional<Policy> policy = policy(spec);
        loaded = policy;
        FindingsSource found = find(image, policy, spec);
        ImageGate.Request request = new ImageGate.Request(policy.map(p -> new ImageGate.PolicyStage(p, stage)), vex(policy));
        return new ImageGate(clock, BulwarkVersion.version()).judge(found.image(), found.matches(), found.database(), request);
    }

    /** Writes the report in the chosen format, to the output file or standard output, and a verdict line to stderr. */
    public void write(ScanReport report, CommandSpec spec) {
        Output.write(ReportWriter.of(ReportFormat.parse(format)).write(report), output, spec.commandLine().getOut());
        report.verdict().ifPresent(verdict -> summarise(verdict, report, spec));
    }

    /** The exit code of a judged image: 1 when the verdict fails, else 0. */
    public static int exitCode(ScanReport report) {
        return report.verdict().map(v -> v.allowsPromotion() ? 0 : ExitCodes.FAIL).orElse(0);
    }

    /** The policy the last run judged by, if any. */
    public Optional<Policy> policy() {
        return loaded;
    }

    /** The policy file, when one was given. */
    public Optional<Path> policyFile() {
        return Optional.ofNullable(policyFile);
    }

    private Optional<Policy> policy(CommandSpec spec) {
        if (policyFile == null) {
            if (stage != null) {
                throw new ParameterException(spec.commandLine(), "--stage needs --policy: name the policy file the stage is in");
            }
            return Optional.empty();
        }
        Policy policy = new PolicyLoader().load(policyFile);
        if (stage == null) {
            throw new ParameterException(spec.commandLine(), "--policy needs --stage: one of " + String.join(", ", policy.stageNames()));
        }
        policy.stage(stage);
        return Optional.of(policy);
    }

    private List<VexStatement> vex(Optional<Policy> policy) {
        List<VexStatement> statements = new ArrayList<>();
        for (Path file : vexFiles) {
            statements.addAll(VexDocuments.read(file));
        }
        policy.ifPresent(p -> {
            Path base = policyFile.toAbsolutePath().getParent();
            p.vex().forEach(relative -> statements.addAll(VexDocuments.read(base.resolve(relative))));
        });
        return statements;
    }

    private FindingsSource find(ImageOptions image, Optional<Policy> policy, CommandSpec spec) {
        if (trivyReport != null || scanner.equals("trivy")) {
            TrivyResult result = trivyReport != null ? TrivyReport.read(trivyReport)
                    : TrivyCli.onPath(TrivyCli.DEFAULT_TIMEOUT).scan(image.image());
            return new FindingsSource(result.scannedImage(image.image()), result.matches(), Optional.empty());
        }
        if (!scanner.equals("bulwark")) {
            throw new ParameterException(spec.commandLine(), "--scanner " + scanner + " is not known: use bulwark or trivy");
        }
        ScannedImage scanned = image.scan(spec.commandLine().getErr());
        try (VulnDb vulns = VulnerabilityDatabase.openOrBuild(db.file(), clock, spec.commandLine().getErr())) {
            Inventory identified = MavenGroups.of(vulns).complete(scanned.inventory());
            Matcher.Result result = new Matcher(vulns).match(identified);
            List<AnalyzerFailure> failures = new ArrayList<>(identified.failures());
            failures.addAll(result.problems());
            ScannedImage withProblems = new ScannedImage(scanned.image(),
                    new Inventory(identified.os(), identified.packages(), failures), scanned.cachedLayers());
            var maxAge = policy.map(Policy::database).orElse(DatabaseRules.defaults()).maxAge();
            return new FindingsSource(withProblems, result.matches(),
                    Optional.of(VulnerabilityDatabase.summary(vulns.metadata(), maxAge, allowStaleDb, clock)));
        }
    }

    private void summarise(Verdict verdict, ScanReport report, CommandSpec spec) {
        var err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + verdict.word().toUpperCase(java.util.Locale.ROOT) + " at stage " + verdict.judgement().stage()
                + " (" + verdict.judgement().reasons().size() + " reasons, " + report.matches().size() + " findings, "
                + report.suppressed().size() + " suppressed)" + (output == null ? "" : "; report written to " + output));
        err.flush();
    }
}
