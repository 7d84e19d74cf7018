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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Merges the advisories that describe one vulnerability ({@link AdvisoryGroups}: a GHSA, its CVE, a PYSEC, a
 * Debian record of the CVE and the DSAs that fix it) into one finding per package: the CVE as the primary ID when there is one, every other ID as an alias,
 * the highest fixed version any of them needs, and the severity from the best evidence.
 */
final class FindingAssembler {

    static final Comparator<Match> MOST_SEVERE_FIRST = Comparator
            .comparing((Match m) -> m.finding().severity()).reversed()
            .thenComparing(m -> -m.finding().cvssScore().orElse(0))
            .thenComparing(m -> m.pkg().name()).thenComparing(m -> m.finding().vulnerabilityId());

    private FindingAssembler() {
    }

    static List<Match> assemble(Package pkg, List<Matcher.AdvisoryHit> hits) {
        return AdvisoryGroups.of(hits).stream().map(group -> merge(pkg, group)).toList();
    }

    private static Match merge(Package pkg, AdvisoryGroups.Group advisories) {
        List<Matcher.AdvisoryHit> group = advisories.hits();
        Set<String> ids = advisories.ids();
        String primary = ids.stream().filter(id -> id.startsWith("CVE-")).sorted().findFirst()
                .orElse(ids.stream().filter(id -> id.startsWith("GHSA-")).sorted().findFirst().orElse(group.get(0).record().id()));
        Set<String> aliases = new LinkedHashSet<>(ids);
        aliases.remove(primary);
        Rating rating = rating(group);
        Optional<Instant> published = group.stream().map(hit -> hit.record().published()).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        OsvRecord first = group.stream().map(Matcher.AdvisoryHit::record).filter(r -> !r.summary().isBlank()).findFirst()
                .orElse(group.get(0).record());
        List<String> references = group.stream().flatMap(hit -> hit.record().references().stream()).distinct().toList();
        Finding finding = new Finding(primary, aliases, pkg.purl(), pkg.path(), rating.severity(), rating.score(),
                fixedVersion(group), published);
        return new Match(finding, pkg, first.summary(), rating.source(), references, dataSource(group));
    }

    private record Rating(Severity severity, OptionalDouble score, String source) {
    }

    /** CVSS vectors first (the highest score among them), else the databases' own severity words. */
    private static Rating rating(List<Matcher.AdvisoryHit> group) {
        Rating best = null;
        for (Matcher.AdvisoryHit hit : group) {
            List<OsvRecord.Severity> severities = new ArrayList<>(hit.affected().severities());
            severities.addAll(hit.record().severities());
            for (OsvRecord.Severity severity : severities) {
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
        Map<String, String> names = new LinkedHashMap<>();
        for (Matcher.AdvisoryHit hit : group) {
            String id = hit.record().id();
            names.putIfAbsent(id.startsWith("GHSA-") ? "GitHub Advisory Database" : id.startsWith("PYSEC-")
                    ? "PyPA Advisory Database" : hit.record().source(), "");
        }
        return String.join(", ", names.keySet());
    }
}
