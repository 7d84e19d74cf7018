package dev.bulwark.notify.jira;

import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.notify.ticket.TicketFingerprint;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labels Bulwark finds its tickets by. Every ticket has {@code bulwark} and a fingerprint label
 * ({@link TicketFingerprint}); a per-vulnerability ticket also has its image repository's label, a per-build
 * ticket its repository-and-stage label, so that the tickets a later run may resolve are one search away.
 *
 * <p>The repository and stage labels reuse the fingerprint's normalisation and hash, so {@code app:1.0} and
 * {@code app@sha256:…} share them.
 */
final class JiraLabels {

    static final String BULWARK = "bulwark";

    private JiraLabels() {
    }

    /** {@code bulwark-repo-<hash>}: every per-vulnerability ticket of the image repository. */
    static String repository(String imageRepository) {
        return "bulwark-repo-" + hash(imageRepository, "repository");
    }

    /** {@code bulwark-stage-<hash>}: every per-build ticket of the image repository at the stage. */
    static String stage(String imageRepository, String stage) {
        return "bulwark-stage-" + hash(imageRepository, "stage " + stage.strip());
    }

    /** The fingerprint of one build of the outcome's image at its stage: its build URL, else its digest, else its reference. */
    static TicketFingerprint build(GateOutcome outcome) {
        String build = outcome.buildUrl().map(Object::toString)
                .orElse(outcome.digest().isEmpty() ? outcome.imageReference() : outcome.digest());
        return TicketFingerprint.of(outcome.imageRepository(), "build " + outcome.stage().strip() + " " + build);
    }

    /** The fingerprint labels among an issue's labels. */
    static Set<TicketFingerprint> fingerprints(Set<String> labels) {
        Set<TicketFingerprint> fingerprints = new TreeSet<>((a, b) -> a.label().compareTo(b.label()));
        for (String label : labels) {
            if (label.matches(TicketFingerprint.PREFIX + "[0-9a-f]{20}")) {
                fingerprints.add(new TicketFingerprint(label));
            }
        }
        return fingerprints;
    }

    // The pseudo IDs ("repository", "stage …") are no vulnerability's ID, so these never equal a fingerprint.
    private static String hash(String imageRepository, String what) {
        return TicketFingerprint.of(imageRepository, what).label().substring(TicketFingerprint.PREFIX.length());
    }
}
