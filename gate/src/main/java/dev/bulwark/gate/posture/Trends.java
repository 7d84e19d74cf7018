package dev.bulwark.gate.posture;

import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.store.posture.PostureRows.Trend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A refresh's trend point per repository: the distinct findings of the repository's images, by severity. */
final class Trends {

    private final Instant at;
    private final Map<String, Map<String, Set<List<Object>>>> bySeverity = new TreeMap<>();

    Trends(Instant at) {
        this.at = at;
    }

    void add(String repository, GateOutcome outcome) {
        Map<String, Set<List<Object>>> severities = bySeverity.computeIfAbsent(repository, r -> new HashMap<>());
        outcome.findings().forEach(advice -> severities.computeIfAbsent(advice.finding().severity().word(), s -> new HashSet<>())
                .add(List.of(advice.finding().vulnerabilityId(), advice.finding().pkg())));
    }

    List<Trend> points() {
        List<Trend> points = new ArrayList<>();
        bySeverity.forEach((repository, severities) -> points.add(new Trend(repository, at,
                count(severities, "critical"), count(severities, "high"), count(severities, "medium"), count(severities, "low"),
                count(severities, "unknown"))));
        return points;
    }

    private static int count(Map<String, Set<List<Object>>> severities, String word) {
        return severities.getOrDefault(word, Set.of()).size();
    }
}
