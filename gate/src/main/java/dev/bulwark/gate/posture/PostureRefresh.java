package dev.bulwark.gate.posture;

import dev.bulwark.gate.Outcomes;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.vex.VexStatement;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.gate.ImageGate;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.match.Matcher;
import dev.bulwark.scanner.report.DatabaseSummary;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureQueries;
import dev.bulwark.store.posture.PostureRows.Change;
import dev.bulwark.store.posture.PostureRows.Image;
import dev.bulwark.store.posture.PostureRows.Promotion;
import dev.bulwark.store.posture.PostureRows.Running;
import dev.bulwark.store.posture.PostureRows.Verdict;
import dev.bulwark.store.posture.PostureStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges every stored image again against a new database, from its stored inventory and facts alone (no image, no
 * layer is read): at every stage it was judged at or promoted to, by the policy given. Stores the new verdicts, what
 * changed and a trend point per repository in one transaction, and says which images changed, running ones with
 * their hosts.
 */
public final class PostureRefresh {

    /** How many matched images are judged together. */
    private static final int JUDGE_BATCH = 32;

    private final Clock clock;
    private final String bulwarkVersion;

    public PostureRefresh(Clock clock, String bulwarkVersion) {
        this.clock = clock;
        this.bulwarkVersion = bulwarkVersion;
    }

    /**
     * An image whose verdict or findings at a stage changed.
     *
     * @param outcome  the new outcome, as the feedback loop tells it
     * @param before   the verdict before (pass, warn, fail)
     * @param changes  what changed
     * @param hosts    the hosts it runs on, by their agents' last reports
     */
    public record Changed(GateOutcome outcome, String before, List<Change> changes, List<String> hosts) {
        public Changed {
            changes = List.copyOf(changes);
            hosts = List.copyOf(hosts);
        }

        /** Running somewhere and failing now: what must be fixed first. */
        public boolean urgent() {
            return !hosts.isEmpty() && !outcome.verdict().allowsPromotion();
        }
    }

    /**
     * What a refresh did.
     *
     * @param refresh the refresh's ID, which its changes are stored under
     * @param images  the stored images it read
     * @param judged  the verdicts it gave (an image is judged at each of its stages)
     * @param changed the images whose verdict or findings changed, urgent ones first
     * @param unknownStages stages stored verdicts or promotions name that the policy has not: not judged again
     */
    public record Result(String refresh, int images, int judged, List<Changed> changed, Set<String> unknownStages) {
        public Result {
            changed = List.copyOf(changed);
            unknownStages = Set.copyOf(unknownStages);
        }
    }

    /**
     * Refreshes every stored image.
     *
     * @param database the database's summary, as the gate states it (a stale database fails the verdicts, as in the gate)
     * @param vex      VEX statements that apply (the policy's own)
     */
    public Result refresh(PostureDatabase store, VulnDb vulns, DatabaseSummary database, Policy policy, List<VexStatement> vex) {
        PostureQueries read = new PostureQueries(store);
        List<Image> images = read.images();
        Map<String, Verdict> before = new HashMap<>();
        Map<String, Set<String>> stages = new HashMap<>();
        Set<String> known = new TreeSet<>(policy.stageNames());
        Set<String> unknown = new TreeSet<>();
        for (Verdict verdict : read.verdicts()) {
            before.put(verdict.digest() + "\n" + verdict.stage(), verdict);
            stage(stages, known, unknown, verdict.digest(), verdict.stage());
        }
        for (Promotion promotion : read.promotions()) {
            stage(stages, known, unknown, promotion.digest(), promotion.stage());
        }
        Map<String, List<String>> hosts = new HashMap<>();
        for (Running running : read.running()) {
            hosts.computeIfAbsent(running.digest(), d -> new ArrayList<>()).add(running.host());
        }
        // Parsing and judging are per image and side by side; what they give is gathered in the images' order.
        List<Inventory> inventories = images.parallelStream()
                .map(image -> PostureJson.inventory(image.inventory(), image.digest())).toList();
        Instant now = clock.instant();
        String refresh = database.builtAt() + "@" + now;
        ImageGate gate = new ImageGate(clock, bulwarkVersion);
        // Matched images are judged a batch at a time, side by side, so that only a batch's findings are held at once.
        List<List<Judged>> judged = new ArrayList<>(images.size());
        Map<Integer, Matcher.Result> batch = new TreeMap<>();
        Judging how = new Judging(stages, before, gate, database, policy, vex, refresh, now);
        new Matcher(vulns).matchAll(inventories, (index, result) -> {
            batch.put(index, result);
            if (batch.size() == JUDGE_BATCH || index == images.size() - 1) {
                judged.addAll(batch.entrySet().parallelStream().map(entry -> judge(images.get(entry.getKey()),
                        inventories.get(entry.getKey()), entry.getValue(), how)).toList());
                batch.clear();
            }
        });
        List<Verdict> after = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        Trends trends = new Trends(now);
        for (int index = 0; index < images.size(); index++) {
            for (Judged one : judged.get(index)) {
                after.add(one.verdict());
                trends.add(one.repository(), one.outcome());
                if (!one.changes().isEmpty()) {
                    changes.addAll(one.changes());
                    changed.add(new Changed(one.outcome(), one.previous().verdict(), one.changes(),
                            hosts.getOrDefault(images.get(index).digest(), List.of())));
                }
            }
        }
        new PostureStore(store).saveRefresh(after, changes, trends.points());
        changed.sort((a, b) -> Boolean.compare(b.urgent(), a.urgent()));
        return new Result(refresh, images.size(), after.size(), changed, unknown);
    }

    private static void stage(Map<String, Set<String>> stages, Set<String> known, Set<String> unknown, String digest, String stage) {
        if (known.contains(stage)) {
            stages.computeIfAbsent(digest, d -> new TreeSet<>()).add(stage);
        } else {
            unknown.add(stage);
        }
    }

    /** What judging every image needs, the same for each. */
    private record Judging(Map<String, Set<String>> stages, Map<String, Verdict> before, ImageGate gate, DatabaseSummary database,
                           Policy policy, List<VexStatement> vex, String refresh, Instant now) {
    }

    /** One image judged at each of its stages, with what changed since its stored verdicts. */
    private static List<Judged> judge(Image image, Inventory inventory, Matcher.Result result, Judging how) {
        var scanned = PostureJson.image(image.facts(), image.digest()).toScanned(image.digest(), inventory);
        List<Judged> stagesJudged = new ArrayList<>();
        for (String stage : how.stages().getOrDefault(image.digest(), Set.of())) {
            ScanReport report = how.gate().judge(scanned, result.matches(), Optional.of(how.database()),
                    new ImageGate.Request(Optional.of(new ImageGate.PolicyStage(how.policy(), stage)), how.vex()));
            GateOutcome outcome = Outcomes.of(report, Optional.empty());
            Verdict verdict = PostureRecorder.verdictRow(outcome, how.now(), how.database().builtAt());
            Verdict previous = how.before().get(image.digest() + "\n" + stage);
            List<Change> found = previous == null ? List.of() : PostureDiff.between(previous, verdict, how.refresh(), how.now());
            stagesJudged.add(new Judged(image.repository(), outcome, verdict, previous, found));
        }
        return stagesJudged;
    }

    /** One image judged at one stage, before it is gathered with the rest. */
    private record Judged(String repository, GateOutcome outcome, Verdict verdict, Verdict previous, List<Change> changes) {
    }
}
