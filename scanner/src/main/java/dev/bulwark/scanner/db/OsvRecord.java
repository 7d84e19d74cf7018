package dev.bulwark.scanner.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an OSV record Bulwark matches and reports on (see the OSV schema).
 *
 * @param id                the record's ID ({@code GHSA-…}, {@code PYSEC-…}, {@code CVE-…}, {@code DSA-…})
 * @param modified          when the record last changed
 * @param published         when it was published
 * @param withdrawn         when it was withdrawn; a withdrawn record matches nothing
 * @param aliases           other IDs of the same vulnerability
 * @param upstream          the upstream vulnerabilities the record is about (OSV 1.7 {@code upstream}): distro
 *                          records name their CVEs here, one ({@code DEBIAN-CVE-…}) or several (a {@code DSA-…} that
 *                          fixes many), rather than in {@code aliases}
 * @param related           IDs of related vulnerabilities ({@code related}); older distro records name their CVEs here
 * @param summary           a one-line summary (or the first line of the details)
 * @param severities        CVSS vectors ({@code CVSS_V3}, {@code CVSS_V4}) of the record
 * @param databaseSeverity  {@code database_specific.severity}, such as GitHub's MODERATE
 * @param references        reference URLs, advisories first
 * @param affected          the affected packages
 * @param source            the source the record was ingested from
 */
public record OsvRecord(String id, Instant modified, Optional<Instant> published, Optional<Instant> withdrawn,
                        List<String> aliases, List<String> upstream, List<String> related, String summary, List<Severity> severities, Optional<String> databaseSeverity,
                        List<String> references, List<Affected> affected, String source) {

    public OsvRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
        aliases = List.copyOf(aliases);
        // Records stored by a Bulwark that did not keep these yet have none.
        upstream = List.copyOf(Objects.requireNonNullElse(upstream, List.of()));
        related = List.copyOf(Objects.requireNonNullElse(related, List.of()));
        summary = Objects.requireNonNullElse(summary, "");
        severities = List.copyOf(severities);
        references = List.copyOf(references);
        affected = List.copyOf(affected);
        source = Objects.requireNonNullElse(source, "");
    }

    /** A severity entry: its type ({@code CVSS_V3}, {@code CVSS_V4}, …) and score (the vector). */
    public record Severity(String type, String score) {
    }

    /**
     * One affected package.
     *
     * @param ecosystem the OSV ecosystem ({@code PyPI}, {@code Maven}, {@code Debian:12}, …)
     * @param name      the package name as the ecosystem writes it
     * @param ranges    affected version ranges
     * @param versions  affected versions, listed one by one
     * @param severities severities given for this package only
     */
    public record Affected(String ecosystem, String name, List<Range> ranges, List<String> versions, List<Severity> severities) {
        public Affected {
            ranges = List.copyOf(ranges);
            versions = List.copyOf(versions);
            severities = List.copyOf(severities);
        }
    }

    /** A range: {@code ECOSYSTEM}, {@code SEMVER} or {@code GIT}, with its events in the order given. */
    public record Range(String type, List<Event> events) {
        public Range {
            events = List.copyOf(events);
        }
    }

    /**
     * An event of a range.
     *
     * @param kind    {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}
     * @param version the version
     */
    public record Event(String kind, String version) {
    }
}
