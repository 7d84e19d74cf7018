package dev.bulwark.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.db.OsvRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AffectedRangesTest {

    private static OsvRecord.Affected npm(List<String> versions, String type, String... events) {
        List<OsvRecord.Event> list = new ArrayList<>();
        for (String event : events) {
            String[] parts = event.split("=");
            list.add(new OsvRecord.Event(parts[0], parts[1]));
        }
        List<OsvRecord.Range> ranges = events.length == 0 ? List.of() : List.of(new OsvRecord.Range(type, list));
        return new OsvRecord.Affected("npm", "x", ranges, versions, List.of());
    }

    private static Optional<String> fixFor(String version, OsvRecord.Affected entry) {
        return AffectedRanges.check(version, entry).map(a -> a.fixedVersion().orElse("none"));
    }

    @Test
    void treatsIntroducedZeroAsBeforeEveryVersion() {
        OsvRecord.Affected entry = npm(List.of(), "SEMVER", "introduced=0", "fixed=1.2.6");

        assertThat(fixFor("0.0.1", entry)).contains("1.2.6");
        assertThat(fixFor("1.2.5", entry)).contains("1.2.6");
        assertThat(fixFor("1.2.6", entry)).isEmpty();
    }

    @Test
    void readsSeveralIntervalsInOneRangeInVersionOrder() {
        OsvRecord.Affected entry = npm(List.of(), "SEMVER", "introduced=2.0.0", "fixed=2.3.1", "introduced=1.0.0", "fixed=1.4.0");

        assertThat(fixFor("1.3.9", entry)).contains("1.4.0");
        assertThat(fixFor("1.9.0", entry)).isEmpty();
        assertThat(fixFor("2.3.0", entry)).contains("2.3.1");
        assertThat(fixFor("0.9.0", entry)).isEmpty();
    }

    @Test
    void includesTheLastAffectedVersionAndNothingAfterIt() {
        OsvRecord.Affected entry = npm(List.of(), "ECOSYSTEM", "introduced=1.0.0", "last_affected=1.5.0");

        assertThat(fixFor("1.5.0", entry)).contains("none");
        assertThat(fixFor("1.5.1", entry)).isEmpty();
    }

    @Test
    void stopsAtTheLimit() {
        OsvRecord.Affected entry = npm(List.of(), "SEMVER", "introduced=0", "limit=3.0.0");

        assertThat(fixFor("2.9.9", entry)).contains("none");
        assertThat(fixFor("3.0.0", entry)).isEmpty();
        assertThat(fixFor("4.1.0", entry)).isEmpty();
    }

    @Test
    void matchesTheVersionsListWhenThereAreNoRanges() {
        OsvRecord.Affected entry = npm(List.of("1.0.1", "1.0.3"), "SEMVER");

        assertThat(fixFor("1.0.3", entry)).contains("none");
        assertThat(fixFor("1.0.2", entry)).isEmpty();
    }

    @Test
    void ignoresGitRangesWhichNameCommitsNotVersions() {
        OsvRecord.Affected entry = npm(List.of(), "GIT", "introduced=0", "fixed=f09c261ca10a31fe41b1262306db7f8f1da0e48a");

        assertThat(fixFor("1.0.0", entry)).isEmpty();
    }
}
