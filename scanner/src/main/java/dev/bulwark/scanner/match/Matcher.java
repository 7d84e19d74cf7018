package dev.bulwark.scanner.match;

import dev.bulwark.scanner.db.OsvRecord;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Matches an inventory against the vulnerability database: each package against the advisories of its
 * ecosystem, then the records that name one vulnerability (by ID or alias) merged into one finding.
 */
public final class Matcher {

    /** Packages whose advisories are asked for together. */
    private static final int CHUNK = 500;
    /** Inventories bound to their findings side by side, and held, at a time. */
    private static final int BIND_BATCH = 16;

    private final VulnDb db;

    public Matcher(VulnDb db) {
        this.db = db;
    }

    /** The matches, most severe first, and the comparisons that could not be made. */
    public record Result(List<Match> matches, List<AnalyzerFailure> problems) {
        public Result {
            matches = List.copyOf(matches);
            problems = List.copyOf(problems);
        }
    }

    public Result match(Inventory inventory) {
        List<Result> result = new ArrayList<>(1);
        matchAll(List.of(inventory), (index, one) -> result.add(one));
        return result.get(0);
    }

    /**
     * Matches many inventories (every stored image, again, against a new database): each distinct package (the same
     * name and version in the same ecosystem or distribution release) is looked up, compared and assembled once however
     * many images hold it, and only then bound to each image's packages. Each inventory's result, the same as
     * {@link #match} gives, is handed over in the order of the list, on the calling thread.
     */
    public void matchAll(List<Inventory> inventories, BiConsumer<Integer, Result> each) {
        Set<List<Target>> distinct = new LinkedHashSet<>();
        for (Inventory inventory : inventories) {
            for (Package pkg : distinct(inventory.packages())) {
                distinct.add(Ecosystems.targets(pkg, inventory.os()));
            }
        }
        List<List<Target>> lookups = new ArrayList<>(distinct);
        List<List<List<Target>>> chunks = new ArrayList<>();
        for (int from = 0; from < lookups.size(); from += CHUNK) {
            chunks.add(lookups.subList(from, Math.min(lookups.size(), from + CHUNK)));
        }
        // Chunks are looked up side by side (the database holds a connection per processor).
        Map<List<Target>, Outcome> outcomes = new HashMap<>();
        chunks.parallelStream().map(this::lookUp).toList().forEach(outcomes::putAll);
        for (int from = 0; from < inventories.size(); from += BIND_BATCH) {
            int first = from;
            List<Result> results = IntStream.range(from, Math.min(inventories.size(), from + BIND_BATCH)).parallel()
                    .mapToObj(index -> bind(inventories.get(index), outcomes)).toList();
            for (int i = 0; i < results.size(); i++) {
                each.accept(first + i, results.get(i));
            }
        }
    }

    /** What the database says about one distinct package: its findings before binding, and what could not be compared. */
    private record Outcome(List<FindingAssembler.Assembled> findings, List<AnalyzerFailure> problems) {
    }

    /** Looks up some distinct packages together: one query per ecosystem, only this chunk's records decoded at a time. */
    private Map<List<Target>, Outcome> lookUp(List<List<Target>> lookups) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (List<Target> targets : lookups) {
            targets.forEach(target -> names.computeIfAbsent(target.ecosystem(), e -> new LinkedHashSet<>()).add(target.name()));
        }
        Map<String, Map<String, List<VulnDb.Hit>>> found = new HashMap<>();
        names.forEach((ecosystem, asked) -> found.put(ecosystem, db.affecting(ecosystem, asked)));
        Map<List<Target>, Outcome> outcomes = new HashMap<>();
        for (List<Target> targets : lookups) {
            List<AdvisoryHit> hits = new ArrayList<>();
            List<AnalyzerFailure> problems = new ArrayList<>();
            for (Target target : targets) {
                for (VulnDb.Hit hit : found.get(target.ecosystem()).getOrDefault(target.name(), List.of())) {
                    check(target, hit, problems).ifPresent(hits::add);
                }
            }
            outcomes.put(targets, new Outcome(FindingAssembler.assemble(hits), List.copyOf(problems)));
        }
        return outcomes;
    }

    /** One inventory's findings, bound to its packages, most severe first. */
    private static Result bind(Inventory inventory, Map<List<Target>, Outcome> outcomes) {
        List<Match> matches = new ArrayList<>();
        List<AnalyzerFailure> problems = new ArrayList<>();
        for (Package pkg : distinct(inventory.packages())) {
            Outcome outcome = outcomes.get(Ecosystems.targets(pkg, inventory.os()));
            for (FindingAssembler.Assembled finding : outcome.findings()) {
                matches.add(finding.bind(pkg));
            }
            problems.addAll(outcome.problems());
        }
        matches.sort(FindingAssembler.MOST_SEVERE_FIRST);
        return new Result(matches, problems);
    }

    /**
     * One package per identity: a package found twice (in node_modules and in the lockfile, in a dist-info and an
     * egg-info) is one package with one set of findings, reported at the first place it was found.
     */
    private static List<Package> distinct(List<Package> packages) {
        Map<String, Package> byIdentity = new LinkedHashMap<>();
        for (Package pkg : packages) {
            byIdentity.putIfAbsent(pkg.ecosystem() + " " + pkg.purl().coordinates() + "@" + pkg.version(), pkg);
        }
        return List.copyOf(byIdentity.values());
    }

    private static Optional<AdvisoryHit> check(Target target, VulnDb.Hit hit, List<AnalyzerFailure> problems) {
        OsvRecord record = hit.record();
        if (record.withdrawn().isPresent()) {
            return Optional.empty();
        }
        try {
            return AffectedRanges.check(target.version(), hit.affected())
                    .map(affected -> new AdvisoryHit(record, hit.affected(), affected.fixedVersion()));
        } catch (IllegalArgumentException e) {
            problems.add(new AnalyzerFailure("matcher", target.ecosystem() + "/" + target.name() + "@" + target.version(),
                    "cannot compare with " + record.id() + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** One advisory that affects the package, with the version that fixes it there. */
    record AdvisoryHit(OsvRecord record, OsvRecord.Affected affected, Optional<String> fixedVersion) {
    }
}
