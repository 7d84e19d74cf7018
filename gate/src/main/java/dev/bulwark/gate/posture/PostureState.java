package dev.bulwark.gate.posture;

import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureQueries;
import dev.bulwark.store.posture.PostureRows.Change;
import dev.bulwark.store.posture.PostureRows.Image;
import dev.bulwark.store.posture.PostureRows.Promotion;
import dev.bulwark.store.posture.PostureRows.Running;
import dev.bulwark.store.posture.PostureRows.Trend;
import dev.bulwark.store.posture.PostureRows.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The posture as {@code bulwark posture} shows it: every image at every stage with its verdict, running and failing
 * ones first, then failing, warning and passing; the latest changes; the trend of findings per repository.
 *
 * @param images  the images by stage
 * @param changes the latest changes, newest first
 * @param trend   the trend points, oldest first
 */
public record PostureState(List<Row> images, List<Change> changes, List<Trend> trend) {

    private static final int CHANGES = 100;
    private static final int ADVICE = 3;

    public PostureState {
        images = List.copyOf(images);
        changes = List.copyOf(changes);
        trend = List.copyOf(trend);
    }

    /**
     * An image at a stage.
     *
     * @param severities how many of its findings are critical, high, medium, low and of no known severity
     * @param hosts      the hosts it runs on
     * @param promotedTo where promotions took it ({@code registry/repository:tag})
     * @param advice     what to upgrade, blocking findings first
     */
    public record Row(String repository, String reference, String digest, String stage, String verdict, Map<String, Integer> severities,
                      List<String> hosts, List<String> promotedTo, List<String> advice, Instant judgedAt) {
        public Row {
            severities = Map.copyOf(severities);
            hosts = List.copyOf(hosts);
            promotedTo = List.copyOf(promotedTo);
            advice = List.copyOf(advice);
        }

        /** Running somewhere and failing. */
        public boolean urgent() {
            return !hosts.isEmpty() && verdict.equals("fail");
        }
    }

    /** Reads the state from the store. */
    public static PostureState read(PostureDatabase store) {
        PostureQueries read = new PostureQueries(store);
        Map<String, Image> images = new HashMap<>();
        read.images().forEach(image -> images.put(image.digest(), image));
        Map<String, List<String>> hosts = new HashMap<>();
        for (Running running : read.running()) {
            hosts.computeIfAbsent(running.digest(), d -> new ArrayList<>()).add(running.host() + " (" + running.containers() + ")");
        }
        Map<String, List<String>> promoted = new HashMap<>();
        for (Promotion promotion : read.promotions()) {
            promoted.computeIfAbsent(promotion.digest() + "\n" + promotion.stage(), d -> new ArrayList<>())
                    .add(promotion.registry() + "/" + promotion.repository() + ":" + promotion.tag());
        }
        List<Row> rows = new ArrayList<>();
        for (Verdict verdict : read.verdicts()) {
            Image image = images.get(verdict.digest());
            List<StoredFinding> findings = PostureJson.findings(verdict.findings(), verdict.digest() + " at " + verdict.stage());
            Map<String, Integer> severities = new HashMap<>();
            Set<String> advice = new LinkedHashSet<>();
            findings.stream().sorted(Comparator.comparing(StoredFinding::blocking).reversed()).forEach(finding -> {
                severities.merge(finding.severity(), 1, Integer::sum);
                advice.add(finding.advice());
            });
            rows.add(new Row(image == null ? "" : image.repository(), image == null ? "" : image.reference(), verdict.digest(),
                    verdict.stage(), verdict.verdict(), severities, hosts.getOrDefault(verdict.digest(), List.of()),
                    promoted.getOrDefault(verdict.digest() + "\n" + verdict.stage(), List.of()),
                    advice.stream().limit(ADVICE).toList(), verdict.judgedAt()));
        }
        rows.sort(Comparator.comparing((Row row) -> !row.urgent()).thenComparing(row -> rank(row.verdict()))
                .thenComparing(Row::repository).thenComparing(Row::stage).thenComparing(Row::digest));
        List<Change> changes = read.changes();
        return new PostureState(rows, changes.subList(0, Math.min(CHANGES, changes.size())), read.trend());
    }

    private static int rank(String verdict) {
        return switch (verdict) {
            case "fail" -> 0;
            case "warn" -> 1;
            default -> 2;
        };
    }
}
