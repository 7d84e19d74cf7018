package dev.bulwark.policy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.policy.document.InvalidFieldException;
import dev.bulwark.policy.pkg.PurlPattern;
import dev.bulwark.policy.vuln.Finding;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A decision to accept a risk for a while: findings it matches do not count, until it expires.
 *
 * @param vulnerability a vulnerability ID or alias it covers, or null for any
 * @param purl          a package pattern it covers, or null for any package
 * @param path          a glob over the path where the package was found, or null for any path
 * @param stages        the stages it applies in; empty means all
 * @param expires       the last day it applies (UTC)
 * @param reason        why the risk is accepted
 * @param owner         who accepted it
 */
public record ExceptionRule(String vulnerability, PurlPattern purl, String path, List<String> stages,
                            LocalDate expires, String reason, String owner) {

    public ExceptionRule {
        stages = List.copyOf(Objects.requireNonNullElse(stages, List.of()));
        if (vulnerability == null && purl == null) {
            throw new InvalidFieldException("vulnerability", "an exception must name a vulnerability, a purl, or both");
        }
        requireText(reason, "reason", "why the risk is accepted");
        requireText(owner, "owner", "who accepted it, such as a team or an e-mail address");
        if (expires == null) {
            throw new InvalidFieldException("expires", "an exception needs an expires date (YYYY-MM-DD): no risk is accepted forever");
        }
    }

    private static void requireText(String value, String key, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(key, "an exception needs '" + key + "': " + what);
        }
    }

    /** A name for reports: what it covers and who owns it. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String label() {
        return (vulnerability == null ? "*" : vulnerability) + (purl == null ? "" : " in " + purl)
                + (path == null ? "" : " at " + path) + " (owner " + owner + ", expires " + expires + ")";
    }

    /** Whether it applies in the stage. */
    public boolean appliesIn(String stage) {
        return stages.isEmpty() || stages.contains(stage);
    }

    /** Whether it has expired at the given instant: it applies through its expiry day, in UTC. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expires.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether it covers the finding (ignoring stage and expiry). */
    public boolean covers(Finding finding) {
        if (vulnerability != null && !finding.isKnownAs(vulnerability)) {
            return false;
        }
        if (purl != null && !purl.matches(finding.pkg())) {
            return false;
        }
        return path == null || pathMatcher().matches(Path.of(finding.path().isEmpty() ? "/" : finding.path()));
    }

    private PathMatcher pathMatcher() {
        return FileSystems.getDefault().getPathMatcher("glob:" + path);
    }
}
