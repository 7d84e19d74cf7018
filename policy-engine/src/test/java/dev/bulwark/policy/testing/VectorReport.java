package dev.bulwark.policy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Checks every vector of a corpus and reports all disagreements at once, not just the first, along with how
 * many vectors were checked.
 */
public final class VectorReport {

    private final String corpus;
    private final List<String> disagreements = new ArrayList<>();
    private int checked;

    public VectorReport(String corpus) {
        this.corpus = corpus;
    }

    /** Checks one vector; an exception counts as a disagreement and does not stop the run. */
    public void check(String vector, BooleanSupplier agrees) {
        checked++;
        try {
            if (!agrees.getAsBoolean()) {
                disagreements.add(vector);
            }
        } catch (RuntimeException e) {
            disagreements.add(vector + " -> " + e);
        }
    }

    /** How many vectors were checked so far. */
    public int checked() {
        return checked;
    }

    /** Prints the count and fails listing every disagreement, if there is any. */
    public void assertAllAgree() {
        System.out.printf("%s: %d vectors checked, %d disagreements%n", corpus, checked, disagreements.size());
        assertThat(checked).as("vectors checked in %s", corpus).isPositive();
        assertThat(disagreements).as("disagreements with %s (%d of %d vectors)", corpus, disagreements.size(), checked)
                .isEmpty();
    }
}
