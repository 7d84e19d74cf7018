package dev.bulwark.agent.daemon;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.HeldAudit;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.docker.ContainerView;
import dev.bulwark.agent.metrics.AgentMetrics;
import dev.bulwark.agent.mode.ContainerMode;
import dev.bulwark.agent.response.ActionOutcome;
import dev.bulwark.agent.response.ResponseActions;
import dev.bulwark.agent.response.ResponsesUnderWay.UnderWay;
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
import dev.bulwark.agent.prevent.GuardPlan;
import dev.bulwark.agent.prevent.Refusal;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.Signal;
import dev.bulwark.policy.runtime.ExecSetting;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.RuntimeRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.BiPredicate;

/**
 * Judges each observation by the policy's runtime section, the container's learned profile and the container's mode,
 * and responds: an alert is written to the audit log (and handed on, rate-limited); a block takes the strongest
 * response on the policy's ladder. The stronger of the rules' and the profile's decisions wins.
 * It never acts on the agent's own container, on containers labelled off, or on a partial picture (a sensor
 * reported lost events on the container, or on every container, in the last few seconds). Responses run on their own
 * threads, so a stop that waits out its grace period never holds up judging; failures while judging are counted and
 * logged, and the next observation is judged as usual. It also tells the exec guard what to enforce
 * ({@link #guardPlans}) and audits what the guard refused ({@link #refused}).
 */
final class Enforcer {

    /** The audit's container for a gap that may concern every container. */
    static final String HOST = "(host)";
    /** The audit's response for an exec or read the kernel refused. */
    static final String PREVENTED = "prevent";

    private final RuntimeSpec runtime;
    private final ContainerView view;
    private final ResponseActions actions;
    private final HeldAudit audit;
    private final AgentMetrics metrics;
    private final Set<String> self;
    private final Clock clock;
    private final Consumer<AuditEntry> alerts;
    private final Softening softening = new Softening();
    private final AlertLimiter gapLimiter = new AlertLimiter(Softening.WINDOW);
    /** Gaps that soften nothing are recorded at most once a minute per container and sensor. */
    private final AlertLimiter recordLimiter = new AlertLimiter(Duration.ofMinutes(1));
    private final ProfileVerdicts profileVerdicts;
    private final AlertLimiter limiter;
    private final ExecutorService responders;
    private final UnfinishedResponses unfinished;
    private final Set<String> responding = ConcurrentHashMap.newKeySet();
    private final ProfileBook profiles;
    private final BiPredicate<String, String> guardRefuses;

    /** Hands an observation back to be judged again a moment later, while the container's main process is this one. */
    interface RetryLater {
        void retry(Observation observation, String sensor, long mainPid);
    }

    Enforcer(RuntimeSpec runtime, ContainerView view, ResponseActions actions, HeldAudit audit, AgentMetrics metrics,
             Set<String> self, Clock clock, Consumer<AuditEntry> alerts, ProfileBook profiles, Lineage lineage,
             RetryLater retryLater, ExecutorService responders, UnfinishedResponses unfinished,
             BiPredicate<String, String> guardRefuses) {
        this.responders = responders;
        this.unfinished = unfinished;
        this.profiles = profiles;
        this.guardRefuses = guardRefuses;
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

    /**
     * A sensor missed something: blocks on the container it concerns (every container, when it cannot tell which)
     * become alerts for a while, unless the gap does not soften or the container's budget of softening is spent
     * ({@link Softening}); it is audited and alerted at most once per container and sensor in that time. A gap that
     * softens nothing by its nature is audited at most once a minute and not alerted.
     */
    void gap(SensorGap gap) {
        metrics.gap(gap.sensor(), 1);
        Optional<ContainerInfo> info = gap.local() ? view.get(gap.container()) : Optional.empty();
        if (info.flatMap(ContainerInfo::mode).filter(mode -> mode == ContainerMode.OFF).isPresent()
                || gap.local() && self.contains(gap.container())) {
            return; // a container labelled off, or the agent's own, is left alone: nothing there to soften or record
        }
        String container = gap.local() ? gap.container() : HOST;
        boolean softened = gap.softens() && softening.soften(container, gap.at());
        String note = gap.softens() == softened ? gap.softens() ? "" : " (blocks are not softened)"
                : " (blocks are not softened: softened " + Softening.BUDGET + " times in the last "
                        + Softening.PERIOD.toMinutes() + " minutes already)";
        AlertLimiter limiter = gap.softens() ? gapLimiter : recordLimiter;
        limiter.admit(container, gap.sensor(), gap.at()).ifPresent(held -> {
            AuditEntry entry = new AuditEntry(gap.at(), container, info.map(ContainerInfo::name).orElse(""),
                    info.map(ContainerInfo::imageId).orElse(""), "", "gap", "", info.flatMap(ContainerInfo::mode)
                    .map(mode -> mode.runtimeMode().word()).orElse(runtime.defaultMode().word()), "{}",
                    gap.sensor() + ": " + gap.why() + note + held);
            audit.append(entry);
            if (gap.softens()) {
                alerts.accept(entry); // an exec seen but not attributed is recorded, not sent to people
            }
        });
    }

    /** Handles one observation; called from one thread at a time. */
    synchronized void handle(Observation observation, String sensor) {
        judgeSafely(observation, sensor, false);
    }

    /** A failure while judging one observation is counted and logged; the next observation is judged as usual. */
    private void judgeSafely(Observation observation, String sensor, boolean retry) {
        try {
            handle(observation, sensor, retry);
        } catch (RuntimeException e) {
            metrics.judgeFailure();
            AgentLog.warn("could not judge " + observation.getClass().getSimpleName() + " on container "
                    + observation.containerId() + " from " + sensor + ": " + e, observation.containerId(), "", "");
        }
    }

    /**
     * Judges by the profile again an exec whose origin could not be told at first (its parent had gone); the engine's
     * exec event has arrived by now. The explicit rules judged it the first time.
     */
    synchronized void retry(Observation observation, String sensor, long mainPid) {
        Optional<ContainerInfo> now = view.get(observation.containerId());
        if (now.isPresent() && now.get().pid() == mainPid) {
            judgeSafely(observation, sensor, true); // not when the container has stopped or restarted since
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
        boolean eventsLost = softening.softened(info.id(), info.startedAt(), clock.instant());
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
        if (decision instanceof Decision.Block block && leftToTheGuard(info, observation)) {
            decision = new Decision.Alert(block.rule(), block.why() + "; the exec guard enforces this on the container");
        }
        metrics.decision(decision);
        metrics.decided(observation.match(exec -> "exec", listen -> "listen", connect -> "connect", file -> "file",
                resources -> "resources", config -> "config"), Duration.between(observation.at(), clock.instant()).toNanos() / 1e9);
        RuntimeMode decidedIn = mode;
        decision.accept(allow -> { }, alert -> {
            Optional<String> admitted = limiter.admit(info.id(), alert.rule().field() + " " + alert.why(), clock.instant());
            admitted.ifPresent(held -> record(info, alert, Response.ALERT, decidedIn, observation, alert.why() + held));
        }, block -> respond(info, block, decidedIn, observation));
    }

    /**
     * Docker's exec event comes whether or not the program could run: when the exec guard refuses that program on the
     * container, the kernel has already refused it, and stopping the container as well would only help the attacker.
     */
    private boolean leftToTheGuard(ContainerInfo info, Observation observation) {
        return observation instanceof Observation.ProcessExec exec && exec.source() == ExecSource.DOCKER_EXEC
                && guardRefuses.test(info.id(), exec.executable());
    }

    /**
     * A block: the decision is audited at once, with the event's time; the response runs off the judging thread and
     * is audited again when done, with its own time. One response at a time per container.
     */
    private void respond(ContainerInfo info, Decision.Block block, RuntimeMode mode, Observation observation) {
        Response response = strongest(runtime.responses());
        if (!responding.add(info.id())) {
            record(info, block, response, mode, observation, block.why() + "; a " + response.word() + " is already under way");
            return;
        }
        unfinished.begin(new UnderWay(info.id(), info.name(), info.imageId(), block.rule().field(), response, mode.word(),
                block.why(), clock.instant()));
        record(info, block, response, mode, observation, block.why() + "; " + response.word() + " under way");
        try {
            responders.execute(() -> {
                try {
                    ActionOutcome outcome = actions.forKind(response).apply(info);
                    metrics.action(response);
                    AuditEntry done = AuditEntry.of(clock.instant(), info.id(), info.name(), info.imageId(), block, response,
                            mode, observation, block.why() + "; " + outcome.describe(response));
                    audit.append(done);
                    unfinished.done(info.id());
                    alerts.accept(done);
                } catch (RuntimeException e) {
                    AgentLog.warn("the " + response.word() + " of container " + info.name() + " failed: " + e, info.id(),
                            info.imageId(), block.rule().field());
                } finally {
                    responding.remove(info.id());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            responding.remove(info.id());
        }
    }

    /** An exec or read the kernel refused at the guard's word: audited as a block whose response was prevention. */
    void refused(Refusal refusal) {
        metrics.decision(new Decision.Block(RuntimeRule.PROFILE, refusal.why()));
        Optional<ContainerInfo> info = view.get(refusal.containerId());
        Observation observation = new Observation.FileAccess(refusal.containerId(), refusal.at(), refusal.path(),
                refusal.exec() ? FileAccessKind.EXEC : FileAccessKind.READ, refusal.pid());
        String detail = refusal.why() + "; started by " + (refusal.requester().isEmpty() ? "process " + refusal.pid()
                : refusal.requester() + " (pid " + refusal.pid() + ", parent " + refusal.parentPid() + ")")
                + "; prevented: it failed with Operation not permitted";
        AuditEntry entry = new AuditEntry(refusal.at(), refusal.containerId(), info.map(ContainerInfo::name).orElse(""),
                info.map(ContainerInfo::imageId).orElse(""), refusal.rule(), "block", PREVENTED, RuntimeMode.PROTECT.word(),
                AuditEntry.observationJson(observation), detail);
        audit.append(entry);
        alerts.accept(entry);
    }

    /** What the exec guard should enforce on each running container now: protect mode's rules and converged profiles. */
    Map<String, GuardPlan> guardPlans() {
        Map<String, GuardPlan> plans = new HashMap<>();
        Instant now = clock.instant();
        for (ContainerInfo info : view.all()) {
            if (!info.running() || info.pid() <= 0 || self.contains(info.id())) {
                continue;
            }
            Optional<ContainerMode> label = info.mode();
            if (label.filter(m -> m == ContainerMode.OFF).isPresent()) {
                continue;
            }
            Optional<RuntimeMode> labelled = label.map(ContainerMode::runtimeMode);
            boolean rulesProtect = ModePolicy.effectiveMode(runtime.defaultMode(), labelled) == RuntimeMode.PROTECT;
            Profile profile = profiles.profileOf(info, now);
            GuardPlan plan = new GuardPlan(info.id(), info.pid(),
                    rulesProtect ? runtime.rules().deniedExecutables() : List.of(),
                    rulesProtect ? runtime.rules().allowedExecutables() : List.of(),
                    protectedSignal(profile, Signal.EXECUTABLES, labelled) ? Optional.of(profile.items(Signal.EXECUTABLES).keySet())
                            : Optional.empty(),
                    protectedSignal(profile, Signal.SENSITIVE_READS, labelled)
                            ? Optional.of(profile.items(Signal.SENSITIVE_READS).keySet()) : Optional.empty(),
                    rulesProtect && runtime.exec() == ExecSetting.DENY);
            if (plan.enforcesAnything()) {
                plans.put(info.id(), plan);
            }
        }
        return plans;
    }

    private static boolean protectedSignal(Profile profile, Signal signal, Optional<RuntimeMode> labelled) {
        return !profile.learning(signal) && labelled.orElse(profile.mode(signal)) == RuntimeMode.PROTECT;
    }

    private void record(ContainerInfo info, Decision decision, Response taken, RuntimeMode mode, Observation observation,
                        String detail) {
        AuditEntry entry = AuditEntry.of(observation.at(), info.id(), info.name(), info.imageId(), decision, taken, mode,
                observation, detail); // the event's time; a response's own entry carries the time it was done
        audit.append(entry);
        alerts.accept(entry);
    }

    /** What a container was given, judged by the admission rules while it runs. */
    static Observation.ContainerConfig configOf(ContainerInfo info, Instant at) {
        return new Observation.ContainerConfig(info.id(), at, info.privileged(), info.addedCapabilities(),
                List.copyOf(info.mounts().keySet()), info.hostNamespaces(), info.spec().user());
    }

    /** A block takes the strongest response the policy allows: the ladder lists them least destructive first. */
    private static Response strongest(List<Response> ladder) {
        return ladder.isEmpty() ? Response.ALERT : ladder.get(ladder.size() - 1);
    }
}
