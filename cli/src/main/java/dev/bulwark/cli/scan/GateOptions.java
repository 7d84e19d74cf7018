package dev.bulwark.cli.scan;

import dev.bulwark.cli.db.DbLocation;
import dev.bulwark.cli.image.ImageOptions;
import dev.bulwark.cli.support.BulwarkVersion;
import dev.bulwark.cli.support.ExitCodes;
import dev.bulwark.cli.support.Progress;
import dev.bulwark.gate.Finder;
import dev.bulwark.gate.GatePipeline;
import dev.bulwark.gate.GateRequest;
import dev.bulwark.gate.PolicyStage;
import dev.bulwark.gate.ReportTarget;
import dev.bulwark.gate.Reports;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.scanner.report.ReportFormat;
import dev.bulwark.scanner.report.ScanReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of every command that judges an image (scan, gate, promote): the policy and stage, VEX, the
 * database, who finds the vulnerabilities, the reports and the exit code of a warning. The work itself is
 * {@link GatePipeline}'s.
 */
public final class GateOptions {

    @Mixin
    private DbLocation db;

    @Mixin
    private PostureLocation posture;

    @Option(names = "--policy", paramLabel = "FILE", description = "the policy to judge the image by")
    private Path policyFile;

    @Option(names = "--stage", paramLabel = "STAGE", description = "the policy's stage to judge at (required with --policy)")
    private String stage;

    @Option(names = "--vex", paramLabel = "FILE", description = "an OpenVEX or CycloneDX VEX document; repeatable")
    private List<Path> vexFiles = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, sarif, junit, cyclonedx or html: the format of the report on standard output or"
                    + " in the one -o FILE (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|FORMAT=FILE",
            description = "FILE: write the -f report there instead of standard output; FORMAT=FILE (repeatable): write"
                    + " a report of that format there, e.g. -o junit=bulwark.xml -o sarif=bulwark.sarif; each is written"
                    + " whole or not at all, the html report with bulwark-report.css beside it")
    private List<String> outputs = new ArrayList<>();

    @Option(names = "--warn-exit-code", paramLabel = "CODE", defaultValue = "0",
            description = "the exit code of a warn verdict, so that a pipeline can mark the build unstable (default: ${DEFAULT-VALUE})")
    private int warnExitCode;

    @Option(names = "--allow-stale-db", description = "accept a database older than the policy allows (the report says so)")
    private boolean allowStaleDb;

    @Option(names = "--scanner", paramLabel = "bulwark|trivy", defaultValue = "bulwark",
            description = "who finds the vulnerabilities: Bulwark (default) or the trivy CLI, when installed")
    private String scanner;

    @Option(names = "--from-trivy-report", paramLabel = "FILE", description = "take the findings from a Trivy JSON report")
    private Path trivyReport;

    private static final int SHOWN_REASONS = 5;

    private final Clock clock = Clock.systemUTC();
    private Optional<PolicyStage> loaded = Optional.empty();

    /** Scans the image and judges it; the report says everything, the verdict decides the exit code. */
    public ScanReport run(ImageOptions image, CommandSpec spec) {
        targets(spec); // a bad -o fails before the scan, not after it
        if (warnExitCode < 0 || warnExitCode > 125 || warnExitCode == ExitCodes.USAGE || warnExitCode == ExitCodes.SCAN_ERROR) {
            throw new ParameterException(spec.commandLine(), "--warn-exit-code " + warnExitCode + " is not allowed: use 0, 1"
                    + " or a code from 4 to 125 (2 and 3 mean usage and scan errors)");
        }
        loaded = policy(spec);
        GateRequest request = new GateRequest(image.location(), image.settings(), finder(spec), db.file(), allowStaleDb,
                loaded, vexFiles);
        var err = spec.commandLine().getErr();
        ScanReport report = new GatePipeline(clock, BulwarkVersion.version(), err, Progress.onTerminal(err)).run(request);
        posture.record(report, err);
        return report;
    }

    /** Where scans, verdicts and promotions are kept for bulwark posture. */
    public PostureLocation posture() {
        return posture;
    }

    /** Writes every report, and a verdict line to stderr. */
    public void write(ScanReport report, CommandSpec spec) {
        List<ReportTarget> targets = targets(spec);
        List<Path> written = Reports.write(report, targets, spec.commandLine().getOut(), spec.commandLine().getErr());
        report.verdict().ifPresent(verdict -> summarise(verdict, report, written, spec));
    }

    /** The exit code of a judged image: 1 when the verdict fails, the warn exit code when it warns, else 0. */
    public int exitCode(ScanReport report) {
        return report.verdict().map(v -> !v.allowsPromotion() ? ExitCodes.FAIL : v.word().equals("warn") ? warnExitCode : 0).orElse(0);
    }

    /** The policy the last run judged by, if any. */
    public Optional<Policy> policy() {
        return loaded.map(PolicyStage::policy);
    }

    /** The policy file, when one was given. */
    public Optional<Path> policyFile() {
        return Optional.ofNullable(policyFile);
    }

    private List<ReportTarget> targets(CommandSpec spec) {
        try {
            ReportFormat chosen = ReportFormat.parse(format);
            List<ReportTarget> targets = new ArrayList<>();
            List<String> plain = outputs.stream().filter(output -> !ReportTarget.isTargetForm(output)).toList();
            if (plain.size() > 1) {
                throw new IllegalArgumentException("-o FILE is given " + plain.size() + " times (" + String.join(", ", plain)
                        + "): name each report's format, as in -o json=" + plain.get(0));
            }
            if (!plain.isEmpty() || outputs.isEmpty()) {
                targets.add(new ReportTarget(chosen, plain.stream().findFirst().map(Path::of)));
            }
            outputs.stream().filter(ReportTarget::isTargetForm).map(ReportTarget::parse).forEach(targets::add);
            return targets;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Finder finder(CommandSpec spec) {
        if (trivyReport != null) {
            return Finder.trivyReport(trivyReport);
        }
        try {
            return Finder.named(scanner);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scanner: " + e.getMessage());
        }
    }

    private Optional<PolicyStage> policy(CommandSpec spec) {
        if (policyFile == null) {
            if (stage != null) {
                throw new ParameterException(spec.commandLine(), "--stage needs --policy: name the policy file the stage is in");
            }
            return Optional.empty();
        }
        if (stage == null) {
            Policy policy = new dev.bulwark.policy.load.PolicyLoader().load(policyFile);
            throw new ParameterException(spec.commandLine(), "--policy needs --stage: one of " + String.join(", ", policy.stageNames()));
        }
        return Optional.of(PolicyStage.load(policyFile, stage));
    }

    private static void summarise(Verdict verdict, ScanReport report, List<Path> written, CommandSpec spec) {
        var err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + verdict.word().toUpperCase(Locale.ROOT) + " at stage " + verdict.judgement().stage()
                + " (" + verdict.judgement().reasons().size() + " reasons, " + report.matches().size() + " findings, "
                + report.suppressed().size() + " suppressed)" + (written.isEmpty() ? ""
                : "; reports written to " + written.stream().map(Path::toString).collect(Collectors.joining(", "))));
        // The first reasons go into the build log, so that a failed stage says why without opening a report.
        verdict.judgement().reasons().stream().limit(SHOWN_REASONS).forEach(reason -> err.println("  " + reason.action().word()
                + ": " + reason.rule() + " " + reason.subject() + ": " + reason.why()));
        if (verdict.judgement().reasons().size() > SHOWN_REASONS) {
            err.println("  … and " + (verdict.judgement().reasons().size() - SHOWN_REASONS) + " more in the report");
        }
        err.flush();
    }
}
