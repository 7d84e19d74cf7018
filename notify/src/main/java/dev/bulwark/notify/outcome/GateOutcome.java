package dev.bulwark.notify.outcome;

import dev.bulwark.policy.gate.Verdict;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one gate run decided about one image, as the feedback loop tells developers about it.
 *
 * @param imageRepository the repository without tag or digest ({@code registry.example.com/team/app}); tickets are per repository
 * @param imageReference  the image as scanned ({@code …/team/app:1.4.2})
 * @param digest          the image's digest or ID, when known
 * @param stage           the stage judged
 * @param policyName      the policy's name
 * @param verdict         the verdict
 * @param findings        every vulnerability that counts, with what to do about it
 * @param buildUrl        the CI build that ran the gate, when known (Jenkins' BUILD_URL)
 * @param at              when the gate ran
 */
public record GateOutcome(String imageRepository, String imageReference, String digest, String stage, String policyName,
                          Verdict verdict, List<FindingAdvice> findings, Optional<URI> buildUrl, Instant at) {

    public GateOutcome {
        Objects.requireNonNull(imageRepository, "imageRepository");
        Objects.requireNonNull(imageReference, "imageReference");
        digest = Objects.requireNonNullElse(digest, "");
        Objects.requireNonNull(stage, "stage");
        policyName = Objects.requireNonNullElse(policyName, "");
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        buildUrl = Objects.requireNonNullElse(buildUrl, Optional.empty());
        Objects.requireNonNull(at, "at");
    }

    /**
     * The same outcome with no finding blocking: what Jira is told when the verdict is not one its tickets are opened
     * on ({@code notify.jira.on}), so that the sync opens and updates nothing and still resolves what is gone.
     */
    public GateOutcome openingNoTickets() {
        List<FindingAdvice> advisory = findings.stream()
                .map(a -> new FindingAdvice(a.finding(), a.title(), a.advice(), false, a.references())).toList();
        return new GateOutcome(imageRepository, imageReference, digest, stage, policyName, verdict, advisory, buildUrl, at);
    }
}
