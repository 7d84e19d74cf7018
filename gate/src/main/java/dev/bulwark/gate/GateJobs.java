package dev.bulwark.gate;

import dev.bulwark.notify.config.Secrets;
import dev.bulwark.gate.posture.PostureRecorder;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.scanner.cache.LayerCache;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.source.ImageLocation;
import dev.bulwark.scanner.source.SourceOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link GateJob} where the workspace is: the whole gate (scan, match, judge), its reports and its
 * notifications, for a CI plugin that hands over plain values and shows the {@link GateSummary}. The vulnerability
 * database, layer cache, notification outbox and posture store are the machine's defaults, shared with the command
 * line.
 */
public final class GateJobs {

    private static final int SHOWN_REASONS = 5;

    private GateJobs() {
    }

    /**
     * Runs the job.
     *
     * @param log     the build log
     * @param version the version written into reports
     * @throws dev.bulwark.policy.load.PolicyLoadException when the policy's text is not a valid policy
     */
    public static GateSummary run(GateJob job, PrintWriter log, String version) {
        return run(job, log, version, defaultDatabase(), defaultOutbox());
    }

    /**
     * Runs the job with the given vulnerability database (built from the OSV exports when missing) and outbox.
     *
     * @throws dev.bulwark.policy.load.PolicyLoadException when the policy's text is not a valid policy
     */
    public static GateSummary run(GateJob job, PrintWriter log, String version, Path database, Path outbox) {
        Path policyFile = job.workspace().resolve(".bulwark-policy-" + job.policyName().replaceAll("[^A-Za-z0-9_.-]", "_") + ".yaml");
        AtomicFiles.write(policyFile, job.policyYaml());
        Policy policy = new PolicyLoader().parse(job.policyName(), job.policyYaml().getBytes(StandardCharsets.UTF_8),
                job.workspace());
        PolicyStage stage = new PolicyStage(policy, policyFile, job.stage());
        ScanSettings scan = new ScanSettings(SourceOptions.defaults(), ScanLimits.DEFAULTS, Optional.of(LayerCache.defaultFile()));
        GateRequest request = new GateRequest(ImageLocation.parse(job.image()), scan, Finder.BULWARK, database, false,
                Optional.of(stage), List.of());
        ScanReport report = new GatePipeline(Clock.systemUTC(), version, log, line -> { }).run(request);
        PostureRecorder.recordAt(StateDirectory.posture(), report, log);
        List<ReportTarget> targets = job.reports().stream().map(ReportTarget::parse)
                .map(target -> new ReportTarget(target.format(), target.file().map(job.workspace()::resolve))).toList();
        List<String> written = new ArrayList<>();
        Reports.write(report, targets, log, log).forEach(file -> written.add(job.workspace().relativize(file.toAbsolutePath()).toString()));
        if (job.sendNotifications()) {
            Feedback.notifier(policy, Secrets.of(job.secrets())).ifPresent(notifier -> Feedback.send(notifier,
                    Optional.of(Outcomes.of(report, job.buildUrl())), outbox, log, "bulwark"));
        }
        var verdict = report.verdict().orElseThrow();
        List<String> reasons = verdict.judgement().reasons().stream().limit(SHOWN_REASONS)
                .map(reason -> reason.action().word() + ": " + reason.rule() + " " + reason.subject() + ": " + reason.why()).toList();
        reasons.forEach(line -> log.println("  " + line));
        log.flush();
        return new GateSummary(report.image().image().name(), job.stage(), verdict.word(), report.matches().size(), reasons, written);
    }

    private static Path defaultDatabase() {
        return CacheDirectory.file("BULWARK_DB", "db/osv.db");
    }

    private static Path defaultOutbox() {
        return StateDirectory.outbox();
    }
}
