package dev.bulwark.gate.posture;

import dev.bulwark.store.posture.PostureRows.Change;
import dev.bulwark.store.posture.PostureRows.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What changed between an image's stored verdict at a stage and the one a refresh gave it. */
final class PostureDiff {

    /** The verdict turned (subject {@code pass->fail}). */
    static final String VERDICT = "verdict";
    /** An advisory affects a package of the image that none did before (subject: the advisory in the package). */
    static final String AFFECTED = "affected";
    /** An advisory that affected the image without a fix has one now. */
    static final String FIXABLE = "fixable";

    private PostureDiff() {
    }

    /** The changes from {@code before} to {@code after}, verdict first, then advisories in the order of the findings. */
    static List<Change> between(Verdict before, Verdict after, String refresh, Instant at) {
        if (before.verdict().equals(after.verdict()) && before.findings().equals(after.findings())) {
            return List.of(); // the same findings are written the same way: nothing to compare
        }
        String where = after.digest() + " at " + after.stage();
        Map<String, StoredFinding> old = byKey(PostureJson.findings(before.findings(), where));
        List<Change> changes = new ArrayList<>();
        if (!before.verdict().equals(after.verdict())) {
            changes.add(new Change(refresh, after.digest(), after.stage(), VERDICT, before.verdict() + "->" + after.verdict(),
                    "policy " + after.policy(), at));
        }
        for (StoredFinding now : PostureJson.findings(after.findings(), where)) {
            StoredFinding then = old.get(now.key());
            if (then == null) {
                changes.add(new Change(refresh, after.digest(), after.stage(), AFFECTED, now.key(), describe(now), at));
            } else if (then.fixedVersion().isEmpty() && !now.fixedVersion().isEmpty()) {
                changes.add(new Change(refresh, after.digest(), after.stage(), FIXABLE, now.key(), describe(now), at));
            }
        }
        return changes;
    }

    private static String describe(StoredFinding finding) {
        return finding.severity() + " " + finding.advisory() + " in " + finding.name() + " " + finding.version() + ": "
                + finding.advice();
    }

    private static Map<String, StoredFinding> byKey(List<StoredFinding> findings) {
        Map<String, StoredFinding> keyed = new LinkedHashMap<>();
        findings.forEach(finding -> keyed.put(finding.key(), finding));
        return keyed;
    }
}
