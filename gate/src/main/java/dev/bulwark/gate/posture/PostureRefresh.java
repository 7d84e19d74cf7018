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
     */
    public record Result(String refresh, int images, int judged, List<Changed> changed) {
        public Result {
            changed = List.copyOf(changed);
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
        for (Verdict verdict : read.verdicts()) {
            before.put(verdict.digest() + "\n" + verdict.stage(), verdict);
            if (known.contains(verdict.stage())) {
                stages.computeIfAbsent(verdict.digest(), d -> new TreeSet<>()).add(verdict.stage());
            }
        }
        for (Promotion promotion : read.promotions()) {
            if (known.contains(promotion.stage())) {
                stages.computeIfAbsent(promotion.digest(), d -> new TreeSet<>()).add(promotion.stage());
            }
        }
        Map<String, List<String>> hosts = new HashMap<>();
        for (Running running : read.running()) {
            hosts.computeIfAbsent(running.digest(), d -> new ArrayList<>()).add(running.host());
        }
        List<Inventory> inventories = new ArrayList<>(images.size());
        images.forEach(image -> inventories.add(PostureJson.inventory(image.inventory(), image.digest())));
        Instant now = clock.instant();
        String refresh = database.builtAt() + "@" + now;
        ImageGate gate = new ImageGate(clock, bulwarkVersion);
        List<Verdict> after = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        Trends trends = new Trends(now);
        new Matcher(vulns).matchAll(inventories, (index, result) -> {
            Image image = images.get(index);
            var scanned = PostureJson.image(image.facts(), image.digest()).toScanned(image.digest(), inventories.get(index));
            for (String stage : stages.getOrDefault(image.digest(), Set.of())) {
                ScanReport report = gate.judge(scanned, result.matches(), Optional.of(database),
                        new ImageGate.Request(Optional.of(new ImageGate.PolicyStage(policy, stage)), vex));
                GateOutcome outcome = Outcomes.of(report, Optional.empty());
                Verdict verdict = PostureRecorder.verdictRow(outcome, now, database.builtAt());
                after.add(verdict);
                trends.add(image.repository(), outcome);
                Verdict previous = before.get(image.digest() + "\n" + stage);
                List<Change> found = previous == null ? List.of() : PostureDiff.between(previous, verdict, refresh, now);
                if (!found.isEmpty()) {
                    changes.addAll(found);
                    changed.add(new Changed(outcome, previous.verdict(), found, hosts.getOrDefault(image.digest(), List.of())));
                }
            }
        });
        new PostureStore(store).saveRefresh(after, changes, trends.points());
        changed.sort((a, b) -> Boolean.compare(b.urgent(), a.urgent()));
        return new Result(refresh, images.size(), after.size(), changed);
    }

    /** The distinct findings of each repository's images by severity. */
    private static final class Trends {
        private final Instant at;
        private final Map<String, Map<String, Set<String>>> bySeverity = new TreeMap<>();

        Trends(Instant at) {
            this.at = at;
        }

        void add(String repository, GateOutcome outcome) {
            Map<String, Set<String>> severities = bySeverity.computeIfAbsent(repository, r -> new HashMap<>());
            outcome.findings().forEach(advice -> severities.computeIfAbsent(advice.finding().severity().word(), s -> new TreeSet<>())
                    .add(advice.finding().subject()));
        }

        List<dev.bulwark.store.posture.PostureRows.Trend> points() {
            List<dev.bulwark.store.posture.PostureRows.Trend> points = new ArrayList<>();
            bySeverity.forEach((repository, severities) -> points.add(new dev.bulwark.store.posture.PostureRows.Trend(repository, at,
                    count(severities, "critical"), count(severities, "high"), count(severities, "medium"), count(severities, "low"),
                    count(severities, "unknown"))));
            return points;
        }

        private static int count(Map<String, Set<String>> severities, String word) {
            return severities.getOrDefault(word, Set.of()).size();
        }
    }
}
