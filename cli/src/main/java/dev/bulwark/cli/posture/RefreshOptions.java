package dev.bulwark.cli.posture;

import dev.bulwark.cli.db.DbLocation;
import dev.bulwark.cli.scan.PostureLocation;
import dev.bulwark.cli.gate.OutboxLocation;
import dev.bulwark.cli.support.BulwarkVersion;
import dev.bulwark.gate.Feedback;
import dev.bulwark.gate.GatePipeline;
import dev.bulwark.gate.VulnerabilityDatabase;
import dev.bulwark.gate.posture.PostureNotices;
import dev.bulwark.gate.posture.PostureRefresh;
import dev.bulwark.notify.Notifier;
import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.report.DatabaseSummary;
import dev.bulwark.store.posture.PostureDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of a refresh ({@code bulwark posture refresh}, {@code watch}), and the refresh itself. */
public final class RefreshOptions {

    @Mixin
    private PostureLocation posture;

    @Mixin
    private DbLocation db;

    @Mixin
    private OutboxLocation outbox;

    @Option(names = "--policy", paramLabel = "FILE", required = true,
            description = "the policy to judge by, at every stage each image was judged at or promoted to")
    private Path policyFile;

    @Option(names = "--allow-stale-db", description = "accept a database older than the policy allows (verdicts otherwise fail)")
    private boolean allowStaleDb;

    @Option(names = "--no-notify", description = "record the changes only; queue and send nothing")
    private boolean noNotify;

    /** The vulnerability database refreshed against. */
    Path database() {
        return db.file();
    }

    /** Refreshes once and says what changed; the result's changes are also stored and, unless told not to, notified. */
    PostureRefresh.Result run(CommandSpec spec) {
        String location = posture.location().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--posture none keeps no store to refresh: name the store (a jdbc:postgresql:// URL or an SQLite file)"));
        if (!Files.isRegularFile(db.file())) {
            throw new ParameterException(spec.commandLine(), "no vulnerability database at " + db.file()
                    + ": build it with bulwark db update, or name it with --db");
        }
        Policy policy = new PolicyLoader().load(policyFile);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        long started = System.nanoTime();
        PostureRefresh.Result result;
        try (PostureDatabase store = PostureDatabase.open(location); VulnDb vulns = VulnDb.open(db.file())) {
            DatabaseSummary summary = VulnerabilityDatabase.summary(vulns.metadata(), policy.database().maxAge(), allowStaleDb, clock);
            result = new PostureRefresh(clock, BulwarkVersion.version())
                    .refresh(store, vulns, summary, policy, GatePipeline.policyVex(policy, policyFile));
            out.printf("refreshed %s: %d images, %d verdicts judged again against the database built at %s, in %d ms;"
                            + " %d changed, %d running and failing%n", store.describe(), result.images(), result.judged(),
                    summary.builtAt(), (System.nanoTime() - started) / 1_000_000, result.changed().size(),
                    result.changed().stream().filter(PostureRefresh.Changed::urgent).count());
        }
        if (!result.unknownStages().isEmpty()) {
            err.println(spec.qualifiedName() + ": warning: the policy has no stage " + String.join(", ", new java.util.TreeSet<>(result.unknownStages()))
                    + ", which stored verdicts or promotions name: those were not judged again; refresh with the policy they were judged by");
        }
        result.changed().forEach(changed -> out.println("  " + (changed.urgent() ? "(!) " : "") + changed.outcome().imageRepository()
                + " " + changed.outcome().digest() + " at " + changed.outcome().stage() + ": " + changed.before() + " -> "
                + changed.outcome().verdict().word() + ", " + changed.changes().size() + " change(s)"
                + (changed.hosts().isEmpty() ? "" : ", running on " + String.join(", ", changed.hosts()))));
        out.flush();
        Optional<Notifier> notifier = noNotify ? Optional.empty() : Feedback.notifier(policy);
        notifier.ifPresent(n -> {
            try (Outbox queue = Outbox.open(outbox.file())) {
                PostureNotices.Queued queued = PostureNotices.enqueue(n, queue, result);
                err.println(spec.qualifiedName() + ": queued " + queued.tickets() + " Jira ticket sync(s)"
                        + (queued.summary() ? " and a Slack summary" : ""));
            }
            Feedback.send(n, Optional.empty(), outbox.file(), err, spec.qualifiedName());
        });
        return result;
    }
}
