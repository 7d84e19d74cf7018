package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.bulwark.policy.document.InvalidFieldException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the agent learns a profile per image and workload, and when learning is done. Learning ends on evidence: for
 * each signal (executables, ports, peers, writes…), the estimated probability that the next live interval brings a
 * behaviour never seen before must stay at or below {@code missingMass} for {@code minSpan}, nothing new may have
 * been seen for {@code quietPeriod}, and the profile must have seen at least {@code minIntervals} live intervals.
 *
 * @param promoteTo      the mode a converged signal moves to: {@code monitor}, {@code protect}, or {@code learn} to
 *                       stay learning until an operator promotes it ({@code bulwark profile mode})
 * @param interval       the length of one observation interval
 * @param missingMass    the Good–Turing threshold, between 0 and 1
 * @param minSpan        how long the estimate must stay at or below the threshold
 * @param quietPeriod    how long nothing new may have been seen
 * @param minIntervals   live intervals a profile needs before it can converge
 * @param anomalies      what a resource sample outside the envelope does: {@code alert} or {@code block}
 * @param alertEvery     at most one alert per container and kind of deviation in this span (blocks are never held)
 * @param fromCi         what a profile learned in CI ({@code bulwark profile learn}, attached at promotion) starts as
 *                       on a host: {@code monitor} (the default), {@code protect}, or {@code learn} (a starting point
 *                       that learns on, as an inherited profile does)
 * @param learnOnTopOfCi whether the host goes on learning on top of a CI profile in {@code monitor} or {@code protect}
 *                       (the default): behaviour CI never saw is then learned, except what would block (a program, a
 *                       TCP port, a peer or a credential file CI never saw), which is judged in the {@code fromCi} mode
 *                       until the profile converges on the host; {@code false} takes the CI profile as converged
 */
public record LearningSettings(RuntimeMode promoteTo, Span interval, Double missingMass, Span minSpan, Span quietPeriod,
                               Integer minIntervals, AnomalyAction anomalies, Span alertEvery, RuntimeMode fromCi,
                               Boolean learnOnTopOfCi) {

    @JsonCreator
    public LearningSettings {
        promoteTo = Objects.requireNonNullElse(promoteTo, RuntimeMode.MONITOR);
        interval = Objects.requireNonNullElse(interval, Span.parse("1m"));
        missingMass = Objects.requireNonNullElse(missingMass, 0.02);
        minSpan = Objects.requireNonNullElse(minSpan, Span.parse("2h"));
        quietPeriod = Objects.requireNonNullElse(quietPeriod, Span.parse("1h"));
        minIntervals = Objects.requireNonNullElse(minIntervals, 60);
        anomalies = Objects.requireNonNullElse(anomalies, AnomalyAction.ALERT);
        alertEvery = Objects.requireNonNullElse(alertEvery, Span.parse("1m"));
        fromCi = Objects.requireNonNullElse(fromCi, RuntimeMode.MONITOR);
        learnOnTopOfCi = Objects.requireNonNullElse(learnOnTopOfCi, true);
        if (!(missingMass > 0 && missingMass < 1)) {
            throw new InvalidFieldException("missingMass", "learning.missingMass must be between 0 and 1, such as 0.02");
        }
        if (interval.duration().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidFieldException("interval", "learning.interval must be at least 1s, such as 1m");
        }
        if (minIntervals < 1) {
            throw new InvalidFieldException("minIntervals", "learning.minIntervals must be at least 1, such as 60");
        }
    }

    /** Defaults for production: one-minute intervals, 2 % over two hours, an hour of quiet. */
    public static LearningSettings defaults() {
        return new LearningSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /** The same settings with one-second intervals. */
    public LearningSettings perSecond() {
        return new LearningSettings(promoteTo, Span.parse("1s"), missingMass, minSpan, quietPeriod, minIntervals, anomalies,
                alertEvery, fromCi, learnOnTopOfCi);
    }

    /** Whether a resource anomaly is answered like a block rather than an alert. */
    public boolean blocksAnomalies() {
        return anomalies == AnomalyAction.BLOCK;
    }

    /** What a resource anomaly does. */
    public enum AnomalyAction {
        ALERT, BLOCK;

        @JsonCreator
        public static AnomalyAction parse(String text) {
            for (AnomalyAction action : values()) {
                if (action.word().equals(text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT))) {
                    return action;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not an answer to anomalies: use alert or block");
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
