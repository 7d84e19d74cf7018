package dev.bulwark.policy.vuln;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How bad a vulnerability is, in the bands CVSS and the advisory databases use, lowest first. */
public enum Severity {
    UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL;

    /**
     * The CVSS v3/v4 qualitative band of a base score: 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high,
     * 9.0–10.0 critical; a score of 0.0 (CVSS "none") is {@link #UNKNOWN}, as it carries no band.
     */
    public static Severity fromScore(double score) {
        if (score < 0.0 || score > 10.0 || Double.isNaN(score)) {
            throw new IllegalArgumentException("CVSS score " + score + " is outside 0.0–10.0");
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0.0 ? LOW : UNKNOWN;
    }

    /**
     * Reads a severity as advisories and policies write it ({@code high}, {@code HIGH}, {@code Moderate}).
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    @JsonCreator
    public static Severity parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a severity: use one of "
                + Arrays.stream(values()).map(Severity::word).collect(Collectors.joining(", "))));
    }

    /**
     * The severity a word names, as {@link #parse(String)} reads it.
     *
     * @param text a word such as {@code high} or {@code Moderate}
     * @return the severity, or empty when the word names none
     */
    public static Optional<Severity> find(String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (word.equals("MODERATE")) {
            return Optional.of(MEDIUM);
        }
        if (word.equals("IMPORTANT")) {
            return Optional.of(HIGH);
        }
        return Arrays.stream(values()).filter(severity -> severity.name().equals(word)).findFirst();
    }

    /** The severity as policies write it: lower case. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as bad as the other. */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
