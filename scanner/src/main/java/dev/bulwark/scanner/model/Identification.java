package dev.bulwark.scanner.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a package's identity was established. A package manager's own record (dpkg's status file, a
 * package-lock.json) names the package outright: {@link #RECORDED}. A Java archive without pom.properties
 * is named from evidence, which the SBOM shows beside the confidence it gives.
 *
 * @param confidence how sure the evidence makes the identity
 * @param evidence   what decided each part, strongest first; empty for a package manager's record
 * @param hints      what else the package carries that bears on its identity but decided nothing (a manifest's
 *                   vendor ID, the package its classes are in); a later stage may weigh them against the
 *                   vulnerability database's names
 */
public record Identification(Confidence confidence, List<Evidence> evidence, List<Evidence> hints) {

    /** Named by the package manager's own record of it. */
    public static final Identification RECORDED = new Identification(Confidence.HIGH, List.of(), List.of());

    /** How sure an identity is, with the CycloneDX {@code confidence} number (0 to 1) for it. */
    public enum Confidence {
        /** Stated by a record made for the purpose, or by two independent pieces of evidence that agree. */
        HIGH(1.0),
        /** Supported by evidence that nothing contradicts, such as the one group the database knows a name under. */
        MEDIUM(0.7),
        /** Only partly known: no group, so it cannot be matched against Maven advisories. */
        LOW(0.3),
        /**
         * Not known: the name is only a guess from a renamed file ({@code app.jar}) or a display title, to be
         * confirmed by a name the vulnerability database knows; unconfirmed, the archive is reported as not analysed.
         */
        NONE(0.0);

        private final double score;

        Confidence(double score) {
            this.score = score;
        }

        public double score() {
            return score;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Identification {
        Objects.requireNonNull(confidence, "confidence");
        evidence = List.copyOf(evidence);
        hints = List.copyOf(hints);
    }

    /** The values of every piece of evidence and hint about one part: what the package says it is. */
    public List<String> clues(Evidence.Part part) {
        return java.util.stream.Stream.concat(evidence.stream(), hints.stream())
                .filter(item -> item.part() == part).map(Evidence::value).toList();
    }

    /** The evidence for one part of the identity. */
    public List<Evidence> evidenceFor(Evidence.Part part) {
        return evidence.stream().filter(item -> item.part() == part).toList();
    }
}
