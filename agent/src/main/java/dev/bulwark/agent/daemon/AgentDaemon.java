package dev.bulwark.agent.daemon;

import dev.bulwark.agent.admission.AdmissionControl;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.AuditLog;
import dev.bulwark.agent.audit.HeldAudit;
import dev.bulwark.agent.docker.ContainerView;
import dev.bulwark.agent.docker.DockerEventWatcher;
import dev.bulwark.agent.docker.SelfIdentity;
import dev.bulwark.agent.metrics.AgentMetrics;
import dev.bulwark.agent.metrics.MetricsServer;
import dev.bulwark.agent.prevent.ExecGuard;
import dev.bulwark.agent.prevent.Refusal;
import dev.bulwark.agent.sensor.SensorGap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import dev.bulwark.agent.response.ActionOutcome;
import dev.bulwark.agent.response.QuarantineLedger;
import dev.bulwark.agent.response.ResponsesUnderWay;
import dev.bulwark.agent.response.Release;
import dev.bulwark.agent.response.ResponseActions;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.proc.ForkRecords;
import dev.bulwark.agent.sensor.proc.ProcReader;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.RuntimeSpec;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.agent.profile.AttachedProfiles;
import dev.bulwark.agent.profile.Lineage;
import dev.bulwark.agent.profile.Priors;
import dev.bulwark.agent.profile.ProfileBook;
import dev.bulwark.agent.profile.ProfileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The runtime agent: a view of every container kept current from Docker's events, the process sensor (the
 * kernel's process connector, else /proc polling), Docker's exec events, the enforcer, the audit log and the
 * metrics endpoint. Observations are judged one at a time, in the order they arrive.
 */
public final class AgentDaemon implements AutoCloseable {

    /** How often profiles are checked for convergence and saved (more often when the learning interval is shorter). */
    static final Duration PROFILE_TICK = Duration.ofSeconds(10);
    /** How long to wait before attributing again an exec whose parent had gone: the engine's exec event comes by then. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    /** How often audit entries held while the log could not take them are tried again. */
    static final Duration AUDIT_RETRY = Duration.ofSeconds(5);

    private final DockerEngine engine;
    private final DockerEventWatcher watcher;
    private final List<Sensor> sensors;
    private final HeldAudit audit;
    private final Optional<MetricsServer> metricsServer;
    private final ExecutorService judge;
    private final ScheduledExecutorService ticks;
    private final ProfileBook profiles;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Optional<ExecGuard> guard;
    private final Responders responders;
    private final AgentMetrics metrics;
    private final Optional<AdmissionControl> admission;
    private final ExecutorService lookups;
    /** How long the agent waits for the engine when admission control is on (the engine starts after the plugin). */
    static final Duration ENGINE_WAIT = Duration.ofSeconds(60);
    /** Threads that carry out responses (stop, kill…), so a stop's grace period holds up nothing else. */
    static final int RESPONDERS = 4;
    /** Registries asked about CI profiles at once: one that never answers holds up only its own images. */
    static final int LOOKUPS = 4;
    /** How long the guard's planner waits for the enforcer to say what to guard. */
    static final Duration PLAN_WAIT = Duration.ofSeconds(5);

    /** How often the images running here are reported to the posture store. */
    private static final Duration POSTURE_REPORT = Duration.ofMinutes(1);

    private final Optional<RunningReport> running;

    private AgentDaemon(DockerEngine engine, DockerEventWatcher watcher, List<Sensor> sensors, HeldAudit audit,
                        Optional<MetricsServer> metricsServer, ExecutorService judge, ScheduledExecutorService ticks,
                        ProfileBook profiles, Optional<ExecGuard> guard, Responders responders, AgentMetrics metrics,
                        Optional<AdmissionControl> admission, ExecutorService lookups, Optional<RunningReport> running) {
        this.lookups = lookups;
        this.running = running;
        this.admission = admission;
        this.metrics = metrics;
        this.guard = guard;
        this.responders = responders;
        this.ticks = ticks;
        this.profiles = profiles;
        this.engine = engine;
        this.watcher = watcher;
        this.sensors = sensors;
        this.audit = audit;
        this.metricsServer = metricsServer;
        this.judge = judge;
    }

    /** Starts watching; alerts (every audit entry) also go to the given consumer. */
    public static AgentDaemon start(AgentConfig config, Clock clock, Consumer<AuditEntry> alerts) {
        return start(config, clock, alerts, false);
    }

    /**
     * Starts watching to learn only ({@code bulwark profile learn}): every container not labelled otherwise is in learn
     * mode, whatever the policy's default; use {@link AgentConfig#forLearning}.
     */
    public static AgentDaemon learn(AgentConfig config, Clock clock) {
        return start(config, clock, entry -> { }, true);
    }

    private static AgentDaemon start(AgentConfig config, Clock clock, Consumer<AuditEntry> alerts, boolean learnOnly) {
        Policy loaded = new PolicyLoader().load(config.policy());
        RuntimeSpec runtime = learnOnly ? loaded.runtime().learningOnly() : loaded.runtime();
        DockerEngine engine = config.dockerHost().map(DockerEngine::at).orElseGet(DockerEngine::fromEnvironment);
        AgentStateDirectory.prepare(config.stateDir());
        AuditLog audit = AuditLog.open(config.stateDir());
        Optional<AdmissionControl> admission = config.admission().map(settings -> AdmissionControl.start(settings, runtime,
                engine.client(), audit, config.stateDir(), alerts, AgentLog::warn, clock));
        admission.ifPresent(control -> AgentLog.info("admission control on " + control.socket() + " (failure: "
                + config.admission().get().failure().word() + "); waiting up to " + ENGINE_WAIT.toSeconds() + " s for the engine"));
        ping(engine, admission.isPresent() ? ENGINE_WAIT : Duration.ZERO);
        ContainerView view = new ContainerView(engine.client());
        Set<String> self = SelfIdentity.containerId().map(Set::of).orElse(Set.of());
        AgentMetrics metrics = new AgentMetrics();
        AtomicReference<DockerEventWatcher> watching = new AtomicReference<>();
        AtomicReference<HeldAudit> heldRef = new AtomicReference<>();
        Optional<MetricsServer> server = config.metricsPort() == 0 ? Optional.empty()
                : Optional.of(MetricsServer.start(metrics, config.metricsAddress(), config.metricsPort(),
                        () -> AgentHealth.problems(watching.get(), heldRef.get())));
        ResponseActions actions = new ResponseActions(engine.client(), QuarantineLedger.open(config.stateDir()));
        UnfinishedResponses unfinished = new UnfinishedResponses(ResponsesUnderWay.open(config.stateDir()), clock);
        ForkRecords forks = new ForkRecords();
        ProfileStore store = ProfileStore.open(config.stateDir());
        RuleConflictWarnings.log(runtime.rules(), store.all(), AgentLog::warn);
        ProfileBook profiles = new ProfileBook(store, new Priors(Path.of("/proc")),
                runtime.learning(), AgentLog::info);
        ExecutorService judge = Executors.newSingleThreadExecutor(AgentThreads.named("bulwark-agent-judge"));
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(AgentThreads.named("bulwark-agent-profiles"));
        AtomicReference<Enforcer> enforcerRef = new AtomicReference<>();
        AtomicReference<ExecGuard> guardRef = new AtomicReference<>();
        ExecutorService responders = Executors.newFixedThreadPool(RESPONDERS, AgentThreads.named("bulwark-agent-respond"));
        HeldAudit held = new HeldAudit(audit, metrics::auditFailure, AgentLog::warn);
        heldRef.set(held);
        ticks.scheduleWithFixedDelay(held::flush, AUDIT_RETRY.toMillis(), AUDIT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        Enforcer enforcer = new Enforcer(runtime, view, actions, held, metrics, self, clock, alerts, profiles,
                new Lineage(ProcReader.system(), forks), (observation, sensor, mainPid) -> ticks.schedule(() -> judge.execute(
                        () -> enforcerRef.get().retry(observation, sensor, mainPid)), RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS),
                responders, unfinished, (container, path) -> guardRef.get() != null && guardRef.get().refuses(container, path));
        enforcerRef.set(enforcer);
        ExecutorService lookups = Executors.newFixedThreadPool(LOOKUPS, AgentThreads.named("bulwark-agent-ci-profiles"));
        BiConsumer<Observation, String> handle = config.ciProfiles() ? new CiProfileGate(view, profiles,
                new AttachedProfiles(engine.client(), Set.copyOf(config.insecureRegistries()), AgentLog::warn), enforcer, held,
                clock, judge, lookups, ticks)::handle : enforcer::handle;
        responders.execute(() -> {
            try {
                unfinished.resume(view, actions, held);
            } catch (RuntimeException e) {
                AgentLog.warn("the responses a previous run left under way were not all finished: " + e.getMessage());
            }
        });
        long tickMillis = Math.min(PROFILE_TICK.toMillis(), runtime.learning().interval().duration().toMillis());
        ticks.scheduleWithFixedDelay(() -> judge.execute(() -> {
            try {
                profiles.tick(clock.instant());
            } catch (RuntimeException e) {
                AgentLog.warn("profiles were not checked or saved: " + e.getMessage());
            }
        }), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        DockerEventWatcher watcher = DockerEventWatcher.fromNow(engine.client(), view);
        watching.set(watcher);
        watcher.start(event -> {
            metrics.eventReceived();
            if (event.verb().equals("start")) {
                view.get(event.containerId()).ifPresent(info -> judge.execute(
                        () -> handle.accept(Enforcer.configOf(info, event.at()), "docker-events")));
            }
            DockerExecObservations.of(event).ifPresent(exec -> judge.execute(() -> handle.accept(exec, DockerExecObservations.SENSOR)));
        }, gap -> judge.execute(() -> enforcer.gap(gap)));
        view.all().forEach(info -> judge.execute(() -> handle.accept(Enforcer.configOf(info, clock.instant()), "docker-events")));
        Optional<RunningReport> running = config.posture().map(location -> new RunningReport(location, config.hostName(), AgentLog::warn));
        running.ifPresent(report -> ticks.scheduleWithFixedDelay(() -> report.report(view.all(), clock.instant()),
                1_000, POSTURE_REPORT.toMillis(), TimeUnit.MILLISECONDS));
        List<Sensor> sensors = AgentSensors.start(config, engine, view, self, forks,
                (observation, sensor) -> judge.execute(() -> handle.accept(observation, sensor)),
                gap -> judge.execute(() -> enforcer.gap(gap)));
        Optional<ExecGuard> guard = config.prevention() ? guard(judge, enforcer, metrics) : Optional.empty();
        guard.ifPresent(guardRef::set);
        AgentLog.info("watching " + view.all().size() + " containers with sensors "
                + sensors.stream().map(Sensor::name).collect(Collectors.joining(", ")) + "; policy " + loaded.metadata().name()
                + ", default mode " + runtime.defaultMode().word()
                + (guard.isPresent() ? "; exec guard on (" + guard.get().guarded().size() + " containers guarded)" : "; exec guard off")
                + server.map(s -> "; metrics on http://" + s.address().getHostString() + ":" + s.port() + "/metrics, health at /health")
                .orElse(""));
        return new AgentDaemon(engine, watcher, sensors, held, server, judge, ticks, profiles, guard,
                new Responders(responders, unfinished), metrics, admission, lookups, running);
    }

    /**
     * Waits for the engine to answer. With admission control on, the agent starts first (the engine does not start
     * until it finds the plugin), so the engine may come up to a minute later.
     */
    private static void ping(DockerEngine engine, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                engine.ping();
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    /**
     * The exec guard, planned by the enforcer on the judging thread; what it refuses and its gaps are judged there
     * too. Without fanotify permission events the agent runs on, responding after the fact, and says so.
     */
    private static Optional<ExecGuard> guard(ExecutorService judge, Enforcer enforcer, AgentMetrics metrics) {
        ExecGuard guard = new ExecGuard(() -> {
            try {
                return judge.submit(enforcer::guardPlans).get(PLAN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while planning the exec guard", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the enforcer did not say what to guard within " + PLAN_WAIT.toSeconds()
                        + " s: " + e, e);
            }
        }, ProcReader.system(), new ExecGuard.Listener() {
            @Override
            public void refused(Refusal refusal) {
                judge.execute(() -> enforcer.refused(refusal));
            }

            @Override
            public void answered(String answer, long nanos) {
                metrics.guardAnswer(answer, nanos);
            }

            @Override
            public void gap(SensorGap gap) {
                judge.execute(() -> enforcer.gap(gap));
            }
        });
        try {
            guard.start();
        } catch (IllegalStateException unavailable) {
            AgentLog.warn(unavailable.getMessage() + ": protect mode responds after the fact only");
            return Optional.empty();
        }
        guard.sync();
        return Optional.of(guard);
    }

    /** Starts watching, with alerts recorded in the audit log only. */
    public static AgentDaemon start(AgentConfig config, Clock clock) {
        return start(config, clock, entry -> { });
    }

    /** The name of the process sensor in use ({@code proc-connector} or {@code proc-poll}). */
    public String processSensor() {
        return sensors.get(0).name();
    }

    /** Blocks until {@link #close()}. */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Undoes a quarantine or a pause; says what was done. */
    public static String release(AgentConfig config, String container) {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            String id = engine.client().inspectContainerCmd(container).exec().getId();
            ActionOutcome outcome = new Release(engine.client(), QuarantineLedger.open(config.stateDir())).release(id);
            return outcome.match(done -> "released " + container + ": " + done.detail(), failed -> {
                throw new IllegalArgumentException(failed.reason());
            });
        }
    }

    @Override
    public void close() {
        guard.ifPresent(ExecGuard::close);
        sensors.forEach(Sensor::close);
        watcher.close();
        ticks.shutdownNow();
        lookups.shutdownNow();
        judge.execute(() -> profiles.tick(Instant.now()));
        judge.shutdown();
        try {
            judge.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        responders.close();
        audit.flush(); // what was held, if the log takes it now
        metricsServer.ifPresent(MetricsServer::close);
        running.ifPresent(RunningReport::close);
        engine.close();
        admission.ifPresent(AdmissionControl::close); // last: the agent's own calls to the engine pass through it
        stopped.countDown();
    }

    /** The agent's metrics, as the metrics endpoint serves them. */
    public AgentMetrics metrics() {
        return metrics;
    }

    /** The containers the exec guard marks now (none when prevention is off or unavailable). */
    public Set<String> guarded() {
        return guard.map(ExecGuard::guarded).orElse(Set.of());
    }

    /** Brings the exec guard's marks in step with the containers and their profiles now, rather than within a second. */
    public void syncGuard() {
        guard.ifPresent(ExecGuard::sync);
    }

    /** The audit log, for callers that show what happened. */
    public AuditLog audit() {
        return audit.log();
    }

}
