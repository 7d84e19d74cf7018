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

/**
 * Matches an inventory against the vulnerability database: each package against the advisories of its
 * ecosystem, then the records that name one vulnerability (by ID or alias) merged into one finding.
 */
public final class Matcher {

    /** Packages whose advisories are asked for together. */
    private static final int CHUNK = 500;

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
        List<Package> packages = distinct(inventory.packages());
        List<List<Package>> chunks = new ArrayList<>();
        for (int from = 0; from < packages.size(); from += CHUNK) {
            chunks.add(packages.subList(from, Math.min(packages.size(), from + CHUNK)));
        }
        // Chunks are matched side by side (the database answers one query at a time) and put back in their order.
        List<Result> parts = chunks.parallelStream().map(chunk -> matchChunk(chunk, inventory)).toList();
        List<Match> matches = new ArrayList<>();
        List<AnalyzerFailure> problems = new ArrayList<>();
        parts.forEach(part -> {
            matches.addAll(part.matches());
            problems.addAll(part.problems());
        });
        matches.sort(FindingAssembler.MOST_SEVERE_FIRST);
        return new Result(matches, problems);
    }

    /**
     * Matches some packages, their advisories asked for together: one query per ecosystem, and only this chunk's
     * records decoded and held at a time.
     */
    private Result matchChunk(List<Package> packages, Inventory inventory) {
        List<Match> matches = new ArrayList<>();
        List<AnalyzerFailure> problems = new ArrayList<>();
        Map<Package, List<Target>> targets = new LinkedHashMap<>();
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (Package pkg : packages) {
            targets.put(pkg, Ecosystems.targets(pkg, inventory.os()));
            targets.get(pkg).forEach(target -> names.computeIfAbsent(target.ecosystem(), e -> new LinkedHashSet<>()).add(target.name()));
        }
        Map<String, Map<String, List<VulnDb.Hit>>> found = new HashMap<>();
        names.forEach((ecosystem, asked) -> found.put(ecosystem, db.affecting(ecosystem, asked)));
        targets.forEach((pkg, lookups) -> {
            List<AdvisoryHit> hits = new ArrayList<>();
            for (Target target : lookups) {
                for (VulnDb.Hit hit : found.get(target.ecosystem()).getOrDefault(target.name(), List.of())) {
                    check(target, hit, problems).ifPresent(hits::add);
                }
            }
            if (!hits.isEmpty()) {
                matches.addAll(FindingAssembler.assemble(pkg, hits));
            }
        });
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
