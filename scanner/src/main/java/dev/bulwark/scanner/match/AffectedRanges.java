package dev.bulwark.scanner.match;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.version.InvalidVersionException;
import dev.bulwark.policy.version.VersionScheme;
import dev.bulwark.policy.version.VersionSchemes;
import dev.bulwark.scanner.db.OsvRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * OSV's rule for whether a version is affected: listed in {@code versions}, or inside a range. In a range,
 * events are taken in version order: {@code introduced} opens it, {@code fixed} closes it at that version,
 * {@code last_affected} closes it after that version, and nothing at or past {@code limit} is affected.
 * {@code GIT} ranges name commits, not versions, and are left to the other ranges and the versions list.
 */
final class AffectedRanges {

    private AffectedRanges() {
    }

    /** How a version is affected: with the fix that closes its range, if one is known. */
    record Affected(Optional<String> fixedVersion) {
    }

    static Optional<Affected> check(String version, OsvRecord.Affected entry) {
        Optional<Affected> inRange = Optional.empty();
        for (OsvRecord.Range range : entry.ranges()) {
            if (range.type().equals("GIT")) {
                continue;
            }
            VersionScheme scheme = range.type().equals("SEMVER") && !entry.ecosystem().startsWith("Go")
                    ? VersionSchemes.NPM : Ecosystem.schemeForOsv(entry.ecosystem());
            Optional<Affected> result = inRange(version, range, scheme);
            if (result.isPresent() && (inRange.isEmpty() || inRange.get().fixedVersion().isEmpty())) {
                inRange = result;
            }
        }
        if (inRange.isPresent()) {
            return inRange;
        }
        VersionScheme scheme = Ecosystem.schemeForOsv(entry.ecosystem());
        return entry.versions().stream().anyMatch(listed -> sameVersion(scheme, listed, version))
                ? Optional.of(new Affected(Optional.empty())) : Optional.empty();
    }

    /**
     * Whether a listed version is the installed one, as the ecosystem orders versions ({@code 1.0} is {@code 1.0.0}
     * in PyPI); a listed version the scheme cannot read is the installed one only when they are written alike.
     */
    private static boolean sameVersion(VersionScheme scheme, String listed, String installed) {
        if (listed.equals(installed)) {
            return true;
        }
        try {
            return scheme.compare(listed, installed) == 0;
        } catch (InvalidVersionException unreadable) {
            return false;
        }
    }

    private static Optional<Affected> inRange(String version, OsvRecord.Range range, VersionScheme scheme) {
        List<OsvRecord.Event> events = new ArrayList<>(range.events());
        Comparator<String> order = (a, b) -> a.equals("0") ? (b.equals("0") ? 0 : -1) : b.equals("0") ? 1 : scheme.compare(a, b);
        events.sort((a, b) -> order.compare(a.version(), b.version()));
        boolean affected = false;
        for (OsvRecord.Event event : events) {
            int position = order.compare(event.version(), version);
            switch (event.kind()) {
                case "introduced" -> affected = position <= 0 || affected;
                case "fixed" -> affected = affected && position > 0;
                case "last_affected" -> affected = affected && position >= 0;
                case "limit" -> {
                    if (position <= 0) {
                        return Optional.empty();
                    }
                }
                default -> throw new IllegalStateException("unknown OSV event " + event.kind());
            }
            if (position > 0 && affected && (event.kind().equals("fixed") || event.kind().equals("last_affected"))) {
                return Optional.of(new Affected(event.kind().equals("fixed") ? Optional.of(event.version()) : Optional.empty()));
            }
        }
        return affected ? Optional.of(new Affected(Optional.empty())) : Optional.empty();
    }
}
