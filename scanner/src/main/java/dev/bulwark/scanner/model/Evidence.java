package dev.bulwark.scanner.model;

import java.util.Objects;

/**
 * One piece of evidence that decided part of a package's identity.
 *
 * @param part   the part of the identity it decided
 * @param source where it was read
 * @param value  what that source says, as written there ({@code org.yaml.snakeyaml} for a bundle symbolic name)
 */
public record Evidence(Part part, EvidenceSource source, String value) {

    /** The parts of a package's identity. */
    public enum Part {
        GROUP, NAME, VERSION;

        /** The part in lower case, as reports write it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Evidence {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
    }

    /** {@code group: manifest Bundle-SymbolicName = org.yaml.snakeyaml}. */
    public String describe() {
        return part.label() + ": " + source.label() + (value.isEmpty() ? "" : " = " + value);
    }
}
