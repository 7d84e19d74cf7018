package dev.bulwark.gate.posture;

import dev.bulwark.gate.Outcomes;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.scanner.report.DatabaseSummary;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureRows;
import dev.bulwark.store.posture.PostureStore;
import dev.bulwark.store.posture.PostureStoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.Optional;

/** Stores what a gate, scan or promotion read and decided, so that a refresh can judge the image again without it. */
public final class PostureRecorder {

    private PostureRecorder() {
    }

    /** Stores the report's image (facts and inventory) and, when it was judged, its verdict at that stage. */
    public static void record(PostureStore store, ScanReport report) {
        String digest = report.image().image().id();
        Optional<PostureRows.Verdict> verdict = report.verdict().map(judged -> verdictRow(Outcomes.of(report, Optional.empty()),
                report.createdAt(), report.database().map(DatabaseSummary::builtAt).orElse(Instant.EPOCH)));
        String repository = Outcomes.repository(report.image().image().name());
        store.saveScan(new PostureRows.Image(digest, repository, report.image().image().name(),
                PostureJson.write(StoredImage.of(report.image())), PostureJson.write(report.image().inventory()),
                report.createdAt()), verdict);
    }

    /**
     * Stores the report in the store at {@code location} ({@code none} keeps nothing); a store that cannot be written
     * is a warning in the log: the verdict stands.
     */
    public static void recordAt(String location, ScanReport report, PrintWriter log) {
        writeAt(location, store -> record(store, report), log);
    }

    /** Writes to the store at {@code location} ({@code none}: nothing); a store that cannot be written is a warning. */
    public static void writeAt(String location, Consumer<PostureStore> work, PrintWriter log) {
        if (location.strip().equals("none")) {
            return;
        }
        try (PostureDatabase database = PostureDatabase.open(location.strip())) {
            work.accept(new PostureStore(database));
        } catch (PostureStoreException | UncheckedIOException e) {
            log.println("bulwark: warning: not kept in the posture store, so bulwark posture refresh will not judge it again: "
                    + e.getMessage());
            log.flush();
        }
    }

    /** The stored form of an outcome's verdict and findings. */
    static PostureRows.Verdict verdictRow(GateOutcome outcome, Instant at, Instant databaseAt) {
        return new PostureRows.Verdict(outcome.digest(), outcome.stage(), outcome.policyName(), outcome.verdict().word(),
                PostureJson.write(outcome.findings().stream().map(StoredFinding::of).toList()), at, databaseAt);
    }
}
