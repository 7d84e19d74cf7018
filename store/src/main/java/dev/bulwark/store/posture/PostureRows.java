package dev.bulwark.store.posture;

import java.time.Instant;
import java.util.Objects;

/**
 * The rows of the posture store. Structured content (image facts, the inventory, a verdict's findings) is JSON the
 * layers above write and read; the store keeps it as text so that SQLite and PostgreSQL hold it alike.
 */
public final class PostureRows {

    private PostureRows() {
    }

    /**
     * An image a gate, scan or promotion read, by image ID (the digest of its config, what Docker runs it by).
     *
     * @param facts     what the image rules judge (user, labels, ports, size, OS), as JSON
     * @param inventory its packages (the SBOM), as JSON
     */
    public record Image(String digest, String repository, String reference, String facts, String inventory, Instant storedAt) {
        public Image {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(inventory, "inventory");
            Objects.requireNonNull(storedAt, "storedAt");
        }
    }

    /**
     * The latest verdict on an image at a stage.
     *
     * @param verdict    pass, warn or fail
     * @param findings   the findings that counted, with their advice, as JSON
     * @param databaseAt when the vulnerability database judged by was built ({@link Instant#EPOCH} when not known)
     */
    public record Verdict(String digest, String stage, String policy, String verdict, String findings, Instant judgedAt,
                          Instant databaseAt) {
        public Verdict {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(findings, "findings");
            Objects.requireNonNull(judgedAt, "judgedAt");
            Objects.requireNonNull(databaseAt, "databaseAt");
        }
    }

    /** Where a promotion took an image: {@code registry/repository:tag}, for the stage that allowed it. */
    public record Promotion(String digest, String registry, String repository, String tag, String stage, Instant at) {
        public Promotion {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An image running on a host, as that host's agent last reported it. */
    public record Running(String host, String digest, int containers, Instant since, Instant reportedAt) {
        public Running {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(reportedAt, "reportedAt");
        }
    }

    /**
     * One thing a refresh changed about an image at a stage.
     *
     * @param kind    {@code verdict} (subject {@code pass->fail}), {@code affected} (a new advisory, subject its ID) or
     *                {@code fixable} (an advisory with a fix now, subject its ID)
     * @param detail  what to say about it (the package, the upgrade)
     */
    public record Change(String refresh, String digest, String stage, String kind, String subject, String detail, Instant at) {
        public Change {
            Objects.requireNonNull(refresh, "refresh");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The findings of one repository's images by severity, as measured by one refresh. */
    public record Trend(String repository, Instant at, int critical, int high, int medium, int low, int other) {
        public Trend {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(at, "at");
        }
    }
}
