package dev.bulwark.agent.daemon;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.AuditLog;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.docker.ContainerView;
import dev.bulwark.agent.metrics.AgentMetrics;
import dev.bulwark.agent.mode.ContainerMode;
import dev.bulwark.agent.response.ActionOutcome;
import dev.bulwark.agent.response.ResponseActions;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.profile.Lineage;
import dev.bulwark.agent.profile.ProfileBook;
import dev.bulwark.policy.profile.ProfileJudge;
import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.ModePolicy;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Response;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.RuntimeRulesEvaluator;
import dev.bulwark.policy.runtime.RuntimeSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Judges each observation by the policy's runtime section, the container's learned profile and the container's mode,
 * and responds: an alert is written to the audit log (and handed on, rate-limited); a block takes the strongest
 * response on the policy's ladder. The stronger of the rules' and the profile's decisions wins.
 * It never acts on the agent's own container, on containers labelled off, or on a partial picture (a sensor
 * reported lost events in the last few seconds).
 */
final class Enforcer {

    static final Duration GAP_MEMORY = Duration.ofSeconds(5);

    private final RuntimeSpec runtime;
    private final ContainerView view;
    private final ResponseActions actions;
    private final AuditLog audit;
    private final AgentMetrics metrics;
    private final Set<String> self;
    private final Clock clock;
    private final Consumer<AuditEntry> alerts;
    private final AtomicReference<Instant> lastGap = new AtomicReference<>(Instant.EPOCH);
    private final ProfileVerdicts profileVerdicts;
    private final AlertLimiter limiter;

    /** Hands an observation back to be judged again a moment later, while the container's main process is this one. */
    interface RetryLater {
        void retry(Observation observation, String sensor, long mainPid);
    }

    Enforcer(RuntimeSpec runtime, ContainerView view, ResponseActions actions, AuditLog audit, AgentMetrics metrics,
             Set<String> self, Clock clock, Consumer<AuditEntry> alerts, ProfileBook profiles, Lineage lineage,
             RetryLater retryLater) {
        this.profileVerdicts = new ProfileVerdicts(runtime, profiles, lineage, retryLater);
        this.limiter = new AlertLimiter(runtime.learning().alertEvery().duration());
        this.runtime = runtime;
        this.view = view;
        this.actions = actions;
        this.audit = audit;
        this.metrics = metrics;
        this.self = Set.copyOf(self);
        this.clock = clock;
        this.alerts = alerts;
    }

    void gap(SensorGap gap) {
        metrics.gap(gap.sensor(), 1);
        lastGap.set(gap.at());
    }

    /** Handles one observation; called from one thread at a time. */
    synchronized void handle(Observation observation, String sensor) {
        handle(observation, sensor, false);
    }

    /**
     * Judges by the profile again an exec whose origin could not be told at first (its parent had gone); the engine's
     * exec event has arrived by now. The explicit rules judged it the first time.
     */
    synchronized void retry(Observation observation, String sensor, long mainPid) {
        Optional<ContainerInfo> now = view.get(observation.containerId());
        if (now.isPresent() && now.get().pid() == mainPid) {
            handle(observation, sensor, true); // not when the container has stopped or restarted since
        }
    }

    private void handle(Observation observation, String sensor, boolean retry) {
        if (!retry) {
            metrics.observation(sensor);
        }
        metrics.sensorLag(sensor, Math.max(0, Duration.between(observation.at(), clock.instant()).toMillis()));
        if (self.contains(observation.containerId())) {
            return;
        }
        Optional<ContainerInfo> container = view.get(observation.containerId()).or(() -> view.refresh(observation.containerId()));
        if (container.isEmpty() || !container.get().running() && !container.get().paused()) {
            return;
        }
        ContainerInfo info = container.get();
        Optional<ContainerMode> label = info.mode();
        boolean off = label.filter(mode -> mode == ContainerMode.OFF).isPresent();
        Optional<RuntimeMode> labelled = label.filter(mode -> mode != ContainerMode.OFF).map(ContainerMode::runtimeMode);
        boolean eventsLost = Duration.between(lastGap.get(), clock.instant()).compareTo(GAP_MEMORY) < 0;
        Decision raw = retry ? Decision.ALLOW : RuntimeRulesEvaluator.decide(runtime, observation);
        Decision decision = ModePolicy.apply(raw, runtime.defaultMode(), labelled, off, eventsLost);
        RuntimeMode mode = off ? RuntimeMode.LEARN : ModePolicy.effectiveMode(runtime.defaultMode(), labelled);
        if (!off) {
            ProfileJudge.Judged learned = profileVerdicts.judge(info, observation, labelled, eventsLost, mode, sensor, retry);
            if (learned.decision().outranks(decision)) {
                decision = learned.decision();
                mode = learned.mode();
            }
        }
        metrics.decision(decision);
        RuntimeMode decidedIn = mode;
        decision.accept(allow -> { }, alert -> {
            Optional<String> admitted = limiter.admit(info.id(), alert.rule().field() + " " + alert.why(), clock.instant());
            admitted.ifPresent(held -> record(info, alert, Response.ALERT, decidedIn, observation, alert.why() + held));
        }, block -> {
            Response response = strongest(runtime.responses());
            ActionOutcome outcome = actions.forKind(response).apply(info);
            metrics.action(response);
            record(info, block, response, decidedIn, observation, block.why() + "; " + outcome.describe(response));
        });
    }

    private void record(ContainerInfo info, Decision decision, Response taken, RuntimeMode mode, Observation observation,
                        String detail) {
        AuditEntry entry = AuditEntry.of(clock.instant(), info.id(), info.name(), info.imageId(), decision, taken, mode,
                observation, detail);
        audit.append(entry);
        alerts.accept(entry);
    }

    /** What a container was given, judged by the admission rules while it runs. */
    static Observation.ContainerConfig configOf(ContainerInfo info, Instant at) {
        return new Observation.ContainerConfig(info.id(), at, info.privileged(), info.addedCapabilities(),
                List.copyOf(info.mounts().keySet()), info.hostNamespaces());
    }

    /** A block takes the strongest response the policy allows: the ladder lists them least destructive first. */
    private static Response strongest(List<Response> ladder) {
        return ladder.isEmpty() ? Response.ALERT : ladder.get(ladder.size() - 1);
    }
}
