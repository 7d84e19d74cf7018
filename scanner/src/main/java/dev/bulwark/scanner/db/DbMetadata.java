package dev.bulwark.scanner.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a vulnerability database holds and when it was made.
 *
 * @param schemaVersion  the database layout version
 * @param builtAt        when it was built
 * @param sources        each source with its record count and HTTP validators
 * @param advisories     how many records it holds (withdrawn ones included)
 * @param newestModified the newest {@code modified} among its records
 */
public record DbMetadata(int schemaVersion, Instant builtAt, List<SourceInfo> sources, long advisories,
                         Optional<Instant> newestModified) {

    public DbMetadata {
        sources = List.copyOf(sources);
    }

    /** How old the database is at the given time. */
    public Duration age(Instant now) {
        return Duration.between(builtAt, now);
    }

    /**
     * One source of records.
     *
     * @param location     the URL or path
     * @param records      how many records it gave
     * @param etag         the HTTP ETag it was fetched with, if any
     * @param lastModified the HTTP Last-Modified it was fetched with, if any
     */
    public record SourceInfo(String location, long records, Optional<String> etag, Optional<String> lastModified) {
    }
}
