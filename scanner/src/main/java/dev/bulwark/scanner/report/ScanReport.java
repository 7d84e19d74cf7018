package dev.bulwark.scanner.report;

import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.match.Match;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a scan found and decided, which every report format writes.
 *
 * @param bulwarkVersion the version of Bulwark that scanned
 * @param createdAt      when
 * @param image          the image and its inventory
 * @param matches        every vulnerability found that counts (not suppressed), most severe first
 * @param suppressed     vulnerabilities found but suppressed, each with what suppressed it and why
 * @param verdict        the gate's verdict, when a policy was given
 * @param policyName     the policy's name, when one was given
 * @param remediation    what to upgrade
 * @param database       the vulnerability database used
 */
public record ScanReport(String bulwarkVersion, Instant createdAt, ScannedImage image, List<Match> matches,
                         List<SuppressedMatch> suppressed, Optional<Verdict> verdict, Optional<String> policyName,
                         Remediation remediation, Optional<DatabaseSummary> database) {

    /** The version of the JSON report's layout; see docs/report-json.md. */
    public static final String JSON_SCHEMA_VERSION = "1.0";

    public ScanReport {
        Objects.requireNonNull(bulwarkVersion, "bulwarkVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(image, "image");
        matches = List.copyOf(matches);
        suppressed = List.copyOf(suppressed);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(database, "database");
    }

    /**
     * A finding that does not count, and why.
     *
     * @param match  the finding
     * @param by     {@code exception} or {@code vex}
     * @param reason which exception or statement, and its reason or justification
     */
    public record SuppressedMatch(Match match, String by, String reason) {
    }
}
