package dev.bulwark.gate.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.store.posture.PostureRows.Change;
import dev.bulwark.store.posture.PostureRows.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureDiffTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");
    private static final StoredFinding OLD = new StoredFinding("CVE-2026-1", "pkg:deb/debian/zlib@1.2", "zlib", "1.2", "medium", "",
            "No fixed version of zlib yet", false);
    private static final StoredFinding FIXED_NOW = new StoredFinding("CVE-2026-1", "pkg:deb/debian/zlib@1.2", "zlib", "1.2", "medium",
            "1.3", "Upgrade zlib from 1.2 to 1.3", false);
    private static final StoredFinding NEW = new StoredFinding("CVE-2026-2", "pkg:npm/lodash@4.17.20", "lodash", "4.17.20", "high",
            "4.17.21", "Upgrade lodash from 4.17.20 to 4.17.21", true);

    private static Verdict verdict(String word, List<StoredFinding> findings) {
        return new Verdict("sha256:abc", "production", "strict", word, PostureJson.write(findings), AT, AT);
    }

    @Test
    void namesATurnedVerdictANewAdvisoryAndANewFixOnceEach() {
        List<Change> changes = PostureDiff.between(verdict("pass", List.of(OLD)), verdict("fail", List.of(FIXED_NOW, NEW)), "r1", AT);

        assertThat(changes).extracting(Change::kind, Change::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("verdict", "pass->fail"),
                org.assertj.core.groups.Tuple.tuple("fixable", "CVE-2026-1 in pkg:deb/debian/zlib@1.2"),
                org.assertj.core.groups.Tuple.tuple("affected", "CVE-2026-2 in pkg:npm/lodash@4.17.20"));
        assertThat(changes.get(2).detail()).isEqualTo("high CVE-2026-2 in lodash 4.17.20: Upgrade lodash from 4.17.20 to 4.17.21");
    }

    @Test
    void findsNothingWhenTheFindingsAndVerdictAreTheSameOrOnlyFewer() {
        assertThat(PostureDiff.between(verdict("fail", List.of(NEW)), verdict("fail", List.of(NEW)), "r1", AT)).isEmpty();
        assertThat(PostureDiff.between(verdict("warn", List.of(OLD, NEW)), verdict("warn", List.of(OLD)), "r1", AT)).isEmpty();
    }

    @Test
    void aVerdictThatTurnsBackToPassIsAChangeToo() {
        assertThat(PostureDiff.between(verdict("fail", List.of(NEW)), verdict("pass", List.of()), "r1", AT))
                .extracting(Change::subject).containsExactly("fail->pass");
    }
}
