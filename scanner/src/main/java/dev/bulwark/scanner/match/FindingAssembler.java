package dev.bulwark.scanner.match;

import dev.bulwark.policy.cvss.CvssVector;
import dev.bulwark.policy.text.Memo;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.version.VersionScheme;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.db.OsvRecord;
import dev.bulwark.scanner.model.Package;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the advisories that describe one vulnerability ({@link AdvisoryGroups}: a GHSA, its CVE, a PYSEC, a
 * Debian record of the CVE and the DSAs that fix it) into one finding per package: the CVE as the primary ID when there is one, every other ID as an alias,
 * the highest fixed version any of them needs, and the severity from the best evidence.
 */
final class FindingAssembler {

    /** The most severe first, then the highest CVSS score, then by package name and vulnerability ID. */
    static final Comparator<Match> MOST_SEVERE_FIRST = (a, b) -> {
        int order = b.finding().severity().compareTo(a.finding().severity());
        if (order == 0) {
            order = Double.compare(-a.finding().cvssScore().orElse(0), -b.finding().cvssScore().orElse(0));
        }
        if (order == 0) {
            order = a.pkg().name().compareTo(b.pkg().name());
        }
        return order != 0 ? order : a.finding().vulnerabilityId().compareTo(b.finding().vulnerabilityId());
    };

    private FindingAssembler() {
    }

    /**
     * A finding as the advisories make it, before it is bound to a package: the same for every package the same
     * advisories affect at the same version, so a package found in many images is assembled once.
     */
    record Assembled(String primary, Set<String> aliases, Severity severity, OptionalDouble score, String fixedVersion,
                     Optional<Instant> published, String title, String severitySource, List<String> references,
                     String dataSource) {

        Match bind(Package pkg) {
            return new Match(new Finding(primary, aliases, pkg.purl(), pkg.path(), severity, score, fixedVersion, published), pkg,
                    title, severitySource, references, dataSource);
        }
    }

    static List<Assembled> assemble(List<Matcher.AdvisoryHit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        List<AdvisoryGroups.Group> groups = AdvisoryGroups.of(hits);
        List<Assembled> assembled = new ArrayList<>(groups.size());
        for (AdvisoryGroups.Group group : groups) {
            assembled.add(merge(group));
        }
        return assembled;
    }

    private static Assembled merge(AdvisoryGroups.Group advisories) {
        List<Matcher.AdvisoryHit> group = advisories.hits();
        Set<String> ids = advisories.ids();
        String primary = lowest(ids, "CVE-");
        if (primary == null) {
            primary = lowest(ids, "GHSA-");
        }
        if (primary == null) {
            primary = group.get(0).record().id();
        }
        Set<String> aliases = new TreeSet<>(ids); // a finding's aliases are kept sorted
        aliases.remove(primary);
        Rating rating = rating(group);
        Instant published = null;
        OsvRecord first = null;
        Set<String> references = new LinkedHashSet<>();
        for (Matcher.AdvisoryHit hit : group) {
            OsvRecord record = hit.record();
            if (record.published().isPresent() && (published == null || record.published().get().isBefore(published))) {
                published = record.published().get();
            }
            if (first == null && !record.summary().isBlank()) {
                first = record;
            }
            references.addAll(record.references());
        }
        if (first == null) {
            first = group.get(0).record();
        }
        return new Assembled(primary, Collections.unmodifiableSet(aliases), rating.severity(), rating.score(), fixedVersion(group),
                Optional.ofNullable(published), first.summary(), rating.source(), List.copyOf(references), dataSource(group));
    }

    /** The lowest of the IDs with this prefix (in the order of strings), or null when none has it. */
    private static String lowest(Set<String> ids, String prefix) {
        String lowest = null;
        for (String id : ids) {
            if (id.startsWith(prefix) && (lowest == null || id.compareTo(lowest) < 0)) {
                lowest = id;
            }
        }
        return lowest;
    }

    private record Rating(Severity severity, OptionalDouble score, String source) {
    }

    /** CVSS vectors first (the highest score among them), else the databases' own severity words. */
    private static Rating rating(List<Matcher.AdvisoryHit> group) {
        Rating best = null;
        for (Matcher.AdvisoryHit hit : group) {
            for (OsvRecord.Severity severity : concat(hit.affected().severities(), hit.record().severities())) {
                if (!severity.type().startsWith("CVSS_V3") && !severity.type().startsWith("CVSS_V4")) {
                    continue;
                }
                Optional<Scored> vector = SCORED.of(severity.score());
                if (vector.isPresent() && (best == null || vector.get().score() > best.score().orElse(-1))) {
                    best = new Rating(vector.get().severity(), OptionalDouble.of(vector.get().score()),
                            severity.type() + " vector of " + hit.record().id());
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (Matcher.AdvisoryHit hit : group) {
            Optional<Severity> band = hit.record().databaseSeverity().flatMap(Severity::find);
            if (band.isPresent()) { // a word that is no severity band is no evidence: the next advisory may say more
                return new Rating(band.get(), OptionalDouble.empty(), "database_specific.severity of " + hit.record().id());
            }
        }
        return new Rating(Severity.UNKNOWN, OptionalDouble.empty(), "none given");
    }

    /** The package's own severities, then the record's. */
    private static List<OsvRecord.Severity> concat(List<OsvRecord.Severity> first, List<OsvRecord.Severity> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        List<OsvRecord.Severity> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return both;
    }

    /** A vector's base score and band. */
    private record Scored(Severity severity, double score) {
    }

    /** Vectors scored before: the same few vectors recur across advisories. */
    private static final Memo<Optional<Scored>> SCORED = new Memo<>(100_000, FindingAssembler::scored);

    /** The vector's score, or empty when it cannot be read: an unreadable vector is no evidence, and other ratings count. */
    private static Optional<Scored> scored(String vector) {
        try {
            CvssVector read = CvssVector.parse(vector);
            double score = read.baseScore();
            return Optional.of(new Scored(Severity.fromScore(score), score));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** The fix for every advisory of the group: the highest of their fixed versions; none if any has none. */
    private static String fixedVersion(List<Matcher.AdvisoryHit> group) {
        VersionScheme scheme = Ecosystem.schemeForOsv(group.get(0).affected().ecosystem());
        String highest = "";
        for (Matcher.AdvisoryHit hit : group) {
            if (hit.fixedVersion().isEmpty()) {
                return "";
            }
            String fixed = hit.fixedVersion().get();
            if (highest.isEmpty() || scheme.compare(fixed, highest) > 0) {
                highest = fixed;
            }
        }
        return highest;
    }

    private static String dataSource(List<Matcher.AdvisoryHit> group) {
        if (group.size() == 1) {
            return dataSource(group.get(0).record());
        }
        Set<String> names = new LinkedHashSet<>();
        for (Matcher.AdvisoryHit hit : group) {
            names.add(dataSource(hit.record()));
        }
        return String.join(", ", names);
    }

    private static String dataSource(OsvRecord record) {
        String id = record.id();
        return id.startsWith("GHSA-") ? "GitHub Advisory Database" : id.startsWith("PYSEC-") ? "PyPA Advisory Database" : record.source();
    }
}
