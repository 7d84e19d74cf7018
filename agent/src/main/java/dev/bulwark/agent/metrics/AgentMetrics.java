package dev.bulwark.agent.metrics;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.Response;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's counters and gauges, safe to update from any thread, written in the Prometheus text format by
 * {@link #writeTo}. Only counters are kept: rates (events per second, decisions per minute) are for Prometheus to
 * compute, as in {@code rate(bulwark_agent_events_received_total[1m])}.
 */
public final class AgentMetrics {

    private final LongAdder eventsReceived = new LongAdder();
    private final Map<String, LongAdder> observations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> actions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sensorLagMillis = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> eventsLost = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> gaps = new ConcurrentHashMap<>();
    private final LongAdder judgeFailures = new LongAdder();
    private final Map<String, LongAdder> guardAnswers = new ConcurrentHashMap<>();
    private final LongAdder guardNanos = new LongAdder();
    private final long[] recentGuardNanos = new long[RECENT];
    private long guardAnswersSeen;
    /** How many of the latest answer times are kept for percentiles. */
    static final int RECENT = 65_536;

    public AgentMetrics() {
        // Every decision kind and response from the start, at zero, so that rate() and alerts see the series at once.
        for (String kind : new String[] {"allow", "alert", "block"}) {
            decisions.put(kind, new LongAdder());
        }
        for (Response response : Response.values()) {
            actions.put(response.word(), new LongAdder());
        }
        for (String answer : new String[] {"allow", "deny", "timeout"}) {
            guardAnswers.put(answer, new LongAdder());
        }
    }

    /** An event reached the agent (from the Docker API or any sensor), before it became an observation. */
    public void eventReceived() {
        eventsReceived.increment();
    }

    /** A sensor delivered an observation. */
    public void observation(String sensor) {
        count(observations, sensor);
    }

    /** The agent decided (after the mode was applied). */
    public void decision(Decision decision) {
        count(decisions, decision.word());
    }

    /** The agent took a response. */
    public void action(Response response) {
        count(actions, response.word());
    }

    /** How far behind a sensor was on its last observation: the time from the event to its delivery, in ms. */
    public void sensorLag(String sensor, long millis) {
        sensorLagMillis.computeIfAbsent(sensor, name -> new AtomicLong()).set(millis);
    }

    /** A sensor reported a gap; {@code lost} is how many events it lost, when it knows (else 0). */
    public void gap(String sensor, long lost) {
        count(gaps, sensor);
        eventsLost.computeIfAbsent(sensor, name -> new LongAdder()).add(Math.max(0, lost));
    }

    /** Judging an observation failed; the agent went on with the next. */
    public void judgeFailure() {
        judgeFailures.increment();
    }

    /** The exec guard answered a permission request ({@code allow}, {@code deny} or {@code timeout}) in this time. */
    public void guardAnswer(String answer, long nanos) {
        count(guardAnswers, answer);
        guardNanos.add(nanos);
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

    /** Appends every metric in the Prometheus text exposition format (version 0.0.4). */
    public void writeTo(StringBuilder out) {
        PrometheusText text = new PrometheusText(out);
        text.family("bulwark_agent_events_received_total", "counter", "Events that reached the agent.");
        text.sample("bulwark_agent_events_received_total", null, null, eventsReceived.sum());
        counters(text, "bulwark_agent_observations_total", "Observations delivered, by sensor.", "sensor", observations);
        counters(text, "bulwark_agent_decisions_total", "Decisions after the container's mode, by kind.", "kind", decisions);
        counters(text, "bulwark_agent_actions_total", "Responses taken, by response.", "response", actions);
        text.family("bulwark_agent_sensor_lag_seconds", "gauge", "Delay from event to delivery of a sensor's last observation.");
        new TreeMap<>(sensorLagMillis).forEach((sensor, millis) ->
                text.sample("bulwark_agent_sensor_lag_seconds", "sensor", sensor, millis.get() / 1000.0));
        counters(text, "bulwark_agent_sensor_gaps_total", "Gaps sensors reported, by sensor.", "sensor", gaps);
        counters(text, "bulwark_agent_events_lost_total", "Events sensors reported lost in gaps, by sensor.", "sensor", eventsLost);
        text.family("bulwark_agent_judge_failures_total", "counter", "Observations that could not be judged.");
        text.sample("bulwark_agent_judge_failures_total", null, null, judgeFailures.sum());
        counters(text, "bulwark_agent_guard_answers_total", "Exec and credential-read permission requests answered by the"
                + " exec guard, by answer (timeout: let through unjudged).", "answer", guardAnswers);
        text.family("bulwark_agent_guard_answer_seconds_total", "counter", "Time the exec guard took to answer, in all.");
        text.sample("bulwark_agent_guard_answer_seconds_total", null, null, guardNanos.sum() / 1e9);
    }

    /** The metrics as Prometheus text. */
    public String toPrometheusText() {
        StringBuilder out = new StringBuilder();
        writeTo(out);
        return out.toString();
    }

    private static void counters(PrometheusText text, String name, String help, String label, Map<String, LongAdder> byLabel) {
        text.family(name, "counter", help);
        new TreeMap<>(byLabel).forEach((value, counter) -> text.sample(name, label, value, counter.sum()));
    }

    private static void count(Map<String, LongAdder> counters, String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a metric label needs a value, such as the sensor's name; it was empty");
        }
        counters.computeIfAbsent(label, name -> new LongAdder()).increment();
    }
}
