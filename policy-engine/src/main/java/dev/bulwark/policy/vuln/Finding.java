package dev.bulwark.policy.vuln;

import dev.bulwark.policy.pkg.Purl;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * One vulnerability in one package of an image: what the gate judges.
 *
 * @param vulnerabilityId the primary ID ({@code CVE-…}, {@code GHSA-…}, {@code PYSEC-…})
 * @param aliases         the other IDs it goes by: the advisories' aliases, the distro records of it
 *                        ({@code DEBIAN-CVE-…}) and the distro advisories that fix it ({@code DSA-…}, {@code DLA-…});
 *                        exceptions and VEX statements match any of them
 * @param pkg             the affected package, with its installed version
 * @param path            where in the image the package was found ({@code /var/lib/dpkg/status}, {@code app.war!/…})
 * @param severity        the severity Bulwark settled on
 * @param cvssScore       the CVSS base score, when a vector was known
 * @param fixedVersion    the first version that fixes it, or empty when no fix exists
 * @param published       when the vulnerability was published, when known
 */
public record Finding(String vulnerabilityId, Set<String> aliases, Purl pkg, String path, Severity severity,
                      OptionalDouble cvssScore, String fixedVersion, Optional<Instant> published) {

    public Finding {
        if (vulnerabilityId == null || vulnerabilityId.isBlank()) {
            throw new IllegalArgumentException("a finding needs a vulnerability ID");
        }
        aliases = Set.copyOf(new TreeSet<>(Objects.requireNonNullElse(aliases, Set.of())));
        Objects.requireNonNull(pkg, "pkg");
        path = Objects.requireNonNullElse(path, "");
        severity = Objects.requireNonNullElse(severity, Severity.UNKNOWN);
        cvssScore = Objects.requireNonNullElse(cvssScore, OptionalDouble.empty());
        fixedVersion = Objects.requireNonNullElse(fixedVersion, "");
        published = Objects.requireNonNullElse(published, Optional.empty());
    }

    /** Whether a fixed version exists to upgrade to. */
    public boolean isFixable() {
        return !fixedVersion.isEmpty();
    }

    /** Whether the given ID names this vulnerability, as its primary ID or an alias (case-insensitive). */
    public boolean isKnownAs(String id) {
        return vulnerabilityId.equalsIgnoreCase(id) || aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(id));
    }

    /** A short, stable description: {@code CVE-… in pkg:…}. */
    public String subject() {
        return vulnerabilityId + " in " + pkg;
    }
}
