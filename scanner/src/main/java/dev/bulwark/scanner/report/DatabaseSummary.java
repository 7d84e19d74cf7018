package dev.bulwark.scanner.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The vulnerability database a scan used, for the report: when it was built, from what, and whether it was
 * older than the policy allows.
 *
 * @param builtAt        when the database was built
 * @param newestModified the newest {@code modified} time among its records
 * @param sources        where its records came from
 * @param advisories     how many advisories it holds
 * @param stale          whether it was older than allowed (the scan then fails closed unless overridden)
 * @param staleOverridden whether a stale database was used because the user said so
 */
public record DatabaseSummary(Instant builtAt, Optional<Instant> newestModified, List<String> sources, long advisories,
                              boolean stale, boolean staleOverridden) {

    public DatabaseSummary {
        sources = List.copyOf(sources);
    }
}
