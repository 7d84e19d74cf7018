package dev.bulwark.agent.metrics;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.Response;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The agent's metrics, kept by the Prometheus Java client in a registry of their own (several agents may share a
 * JVM in tests), safe to update from any thread: counters of events, observations, decisions, responses, gaps and
 * lost events per sensor; histograms of the time from an event to its decision (by observation kind) and of the
 * exec guard's answers; the sensors' lag; {@code bulwark_build_info}; and the JVM's and the process's own metrics.
 * Rates are for Prometheus to compute, as in {@code rate(bulwark_agent_events_received_total[1m])}.
 */
public final class AgentMetrics {

    /** How many of the latest guard answer times are kept for the benchmark's percentiles. */
    static final int RECENT = 65_536;
    /** Bucket bounds, in seconds, for decision latency: from 1 ms (an exec judged at once) to 30 s (a poll missed). */
    private static final double[] DECISION_BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    /** Bucket bounds, in seconds, for the exec guard's answers: an exec waits on each. */
    private static final double[] GUARD_BOUNDS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final CounterDataPoint eventsReceived;
    private final Counter observations;
    private final Counter decisions;
    private final Counter actions;
    private final Gauge sensorLag;
    private final Counter gaps;
    private final Counter eventsLost;
    private final CounterDataPoint judgeFailures;
    private final CounterDataPoint auditFailures;
    private final Counter guardAnswers;
    private final Histogram guardAnswerTime;
    private final Histogram decisionLatency;
    private final long[] recentGuardNanos = new long[RECENT];
    private long guardAnswersSeen;

    public AgentMetrics() {
        eventsReceived = Counter.builder().name("bulwark_agent_events_received_total")
                .help("Events that reached the agent.").register(registry).labelValues();
        observations = counter("bulwark_agent_observations_total", "Observations delivered, by sensor.", "sensor");
        decisions = counter("bulwark_agent_decisions_total", "Decisions after the container's mode, by kind.", "kind");
        actions = counter("bulwark_agent_actions_total", "Responses taken, by response.", "response");
        sensorLag = Gauge.builder().name("bulwark_agent_sensor_lag_seconds").unit(Unit.SECONDS)
                .help("Delay from event to delivery of a sensor's last observation.").labelNames("sensor").register(registry);
        gaps = counter("bulwark_agent_sensor_gaps_total", "Gaps sensors reported, by sensor.", "sensor");
        eventsLost = counter("bulwark_agent_events_lost_total", "Events sensors reported lost in gaps, by sensor.", "sensor");
        judgeFailures = Counter.builder().name("bulwark_agent_judge_failures_total")
                .help("Observations that could not be judged.").register(registry).labelValues();
        auditFailures = Counter.builder().name("bulwark_agent_audit_failures_total")
                .help("Appends the audit log refused (a full disk, a locked database); the entries are held and written later.")
                .register(registry).labelValues();
        guardAnswers = counter("bulwark_agent_guard_answers_total", "Exec and credential-read permission requests answered"
                + " by the exec guard, by answer (timeout: let through unjudged).", "answer");
        guardAnswerTime = Histogram.builder().name("bulwark_agent_guard_answer_seconds").unit(Unit.SECONDS)
                .help("Time the exec guard took to answer a permission request.").classicOnly()
                .classicUpperBounds(GUARD_BOUNDS).register(registry);
        decisionLatency = Histogram.builder().name("bulwark_agent_decision_latency_seconds").unit(Unit.SECONDS)
                .help("Time from an event (an exec, a connection, a write...) to the agent's decision on it, by observation.")
                .labelNames("observation").classicOnly().classicUpperBounds(DECISION_BOUNDS).register(registry);
        Info.builder().name("bulwark_build_info").help("The Bulwark build the agent runs.").labelNames("version")
                .register(registry).setLabelValues(version());
        JvmMetrics.builder().register(registry);
        // Every decision kind, response and guard answer from the start, at zero, so rate() and alerts see them at once.
        for (String kind : new String[] {"allow", "alert", "block"}) {
            decisions.labelValues(kind);
        }
        for (Response response : Response.values()) {
            actions.labelValues(response.word());
        }
        for (String answer : new String[] {"allow", "deny", "timeout"}) {
            guardAnswers.labelValues(answer);
        }
    }

    private Counter counter(String name, String help, String label) {
        return Counter.builder().name(name).help(help).labelNames(label).register(registry);
    }

    /** The version in the jar's manifest, {@code dev} when run from the source tree. */
    static String version() {
        String version = AgentMetrics.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** An event reached the agent (from the Docker API or any sensor), before it became an observation. */
    public void eventReceived() {
        eventsReceived.inc();
    }

    /** A sensor delivered an observation. */
    public void observation(String sensor) {
        observations.labelValues(label(sensor)).inc();
    }

    /** The agent decided (after the mode was applied). */
    public void decision(Decision decision) {
        decisions.labelValues(decision.word()).inc();
    }

    /** The agent decided on an observation of this kind ({@code exec}, {@code connect}…) this long after its event. */
    public void decided(String observation, double seconds) {
        decisionLatency.labelValues(label(observation)).observe(Math.max(0, seconds));
    }

    /** The agent took a response. */
    public void action(Response response) {
        actions.labelValues(response.word()).inc();
    }

    /** How far behind a sensor was on its last observation: the time from the event to its delivery, in ms. */
    public void sensorLag(String sensor, long millis) {
        sensorLag.labelValues(label(sensor)).set(millis / 1000.0);
    }

    /** A sensor reported a gap; {@code lost} is how many events it lost, when it knows (else 0). */
    public void gap(String sensor, long lost) {
        gaps.labelValues(label(sensor)).inc();
        eventsLost.labelValues(sensor).inc(Math.max(0, lost));
    }

    /** Judging an observation failed; the agent went on with the next. */
    public void judgeFailure() {
        judgeFailures.inc();
    }

    /** The audit log refused an append; the entry is held. */
    public void auditFailure() {
        auditFailures.inc();
    }

    /** The exec guard answered a permission request ({@code allow}, {@code deny} or {@code timeout}) in this time. */
    public void guardAnswer(String answer, long nanos) {
        guardAnswers.labelValues(label(answer)).inc();
        guardAnswerTime.observe(nanos / 1e9);
        synchronized (recentGuardNanos) {
            recentGuardNanos[(int) (guardAnswersSeen++ % RECENT)] = nanos;
        }
    }

    /** The times the exec guard took for its latest answers (up to {@value #RECENT}), oldest first until that many. */
    public long[] recentGuardAnswerNanos() {
        synchronized (recentGuardNanos) {
            return java.util.Arrays.copyOf(recentGuardNanos, (int) Math.min(guardAnswersSeen, RECENT));
        }
    }

    /** Every metric in the Prometheus text exposition format (version 0.0.4). */
    public String toPrometheusText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the metrics to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String label(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a metric label needs a value, such as the sensor's name; it was empty");
        }
        return value;
    }
}
