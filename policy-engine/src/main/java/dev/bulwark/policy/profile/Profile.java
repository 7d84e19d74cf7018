package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.LearningSettings;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.ResourceLimits;
import dev.bulwark.policy.runtime.RuntimeMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The learned behaviour of one image in one workload, merged across its replicas. It learns signal by signal; each
 * signal converges on evidence ({@link #evaluate}) and then moves to its mode. Owned by one thread at a time (the
 * agent's judge); {@link #state()} is the immutable snapshot that is stored and exported.
 */
public final class Profile {

    /** Resource samples before the envelope can converge. */
    static final int MIN_RESOURCE_SAMPLES = 6;
    /** CPU above which a resource sample counts as live activity. */
    static final double LIVE_CPU_CORES = 0.02;

    private final ProfileKey key;
    private final Prior prior;
    private final boolean pinned;
    private final String inheritedFrom;
    private final Instant created;
    private final String source;
    private RuntimeMode ciMode;
    private final EnumMap<Signal, SignalLearning> signals = new EnumMap<>(Signal.class);
    private final ResourceEnvelope resources;
    private final Map<String, Integer> breachStreaks = new HashMap<>();
    private final Map<String, Long> networkBytes = new HashMap<>();
    private String runtimeFingerprint;
    private boolean provisional;
    private Instant updated;
    private long liveIntervals;
    private long currentInterval;
    private boolean currentLive;

    private Profile(ProfileState state) {
        key = state.key();
        prior = state.prior();
        pinned = state.pinned();
        inheritedFrom = state.inheritedFrom();
        created = state.created();
        source = state.source();
        ciMode = state.ciMode();
        updated = state.updated();
        runtimeFingerprint = state.runtimeFingerprint();
        provisional = state.provisional();
        liveIntervals = state.liveIntervals();
        currentInterval = state.currentInterval();
        currentLive = state.currentLive();
        state.signals().forEach((signal, signalState) -> signals.put(signal, new SignalLearning(signal, signalState)));
        resources = new ResourceEnvelope(state.resources());
    }

    /** A stored profile, ready to learn and judge again. */
    public static Profile of(ProfileState state) {
        return new Profile(state);
    }

    /** A new profile that starts from what the image declares. */
    public static Profile fresh(ProfileKey key, Prior prior, String runtimeFingerprint, Instant at) {
        Profile profile = new Profile(new ProfileState(key, prior, runtimeFingerprint, false, "", false, at, at, 0, -1,
                false, null, null, "", null));
        profile.declare(prior, at);
        return profile;
    }

    /**
     * A provisional profile for another image version (or the same image under other runtime parameters) that starts
     * from everything this one learned, and relearns.
     */
    public Profile inheritTo(ProfileKey newKey, Prior newPrior, String fingerprint, Instant at) {
        ProfileState mine = state();
        Profile heir = new Profile(new ProfileState(newKey, newPrior, fingerprint, true, key.image(), false, at, at, 0, -1,
                false, mine.signals(), mine.resources(), "", null));
        heir.signals.values().forEach(SignalLearning::relearn);
        heir.declare(newPrior, at);
        return heir;
    }

    /** The runtime parameters changed: keep what was learned, mark it provisional and relearn. */
    public void relearn(String fingerprint, Instant at) {
        runtimeFingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        provisional = true;
        liveIntervals = 0;
        signals.values().forEach(SignalLearning::relearn);
        updated = at;
    }

    /**
     * A host's profile started from one learned in CI: what CI saw is known from the start, and the image's declarations
     * are added. Per {@link LearningSettings#fromCi} and {@link LearningSettings#learnOnTopOfCi}: learning on top (what
     * would block judged in the CI mode meanwhile), converged in the CI mode, or a head start that learns on. Resource
     * use is always learned on the host: CI's load is not production's.
     *
     * @param seen   what CI saw, per signal
     * @param source where the CI profile came from, for the audit log and {@code profile list}
     */
    public static Profile fromCi(ProfileKey key, Prior prior, String fingerprint, Map<Signal, List<String>> seen,
                                 String source, LearningSettings settings, Instant at) {
        RuntimeMode mode = settings.fromCi();
        boolean converged = mode != RuntimeMode.LEARN && !settings.learnOnTopOfCi();
        Map<Signal, SignalState> signals = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            Map<String, ItemStats> items = new HashMap<>();
            seen.getOrDefault(signal, List.of()).forEach(item -> items.put(item, ItemStats.declared(at)));
            signals.put(signal, converged && signal != Signal.RESOURCES ? new SignalState(items, null, null, at, mode, false)
                    : new SignalState(items, null, null, null, RuntimeMode.LEARN, false));
        }
        Profile profile = new Profile(new ProfileState(key, prior, fingerprint, !converged, "", false, at, at, 0, -1, false,
                signals, null, source,
                converged || mode == RuntimeMode.LEARN ? null : mode));
        profile.declare(prior, at);
        return profile;
    }

    /** Where the profile started: empty when learned here, else where it came from. */
    public String source() {
        return source;
    }

    /**
     * While a profile from CI is learned on top of, the mode behaviour CI never saw that would block is judged in.
     * Empty once the profile has converged here, and for any other profile.
     */
    public Optional<RuntimeMode> ciMode() {
        return Optional.ofNullable(ciMode);
    }

    private void declare(Prior declared, Instant at) {
        declared.executables().forEach(item -> signals.get(Signal.EXECUTABLES).declare(item, at));
        declared.listening().forEach(item -> signals.get(Signal.LISTENING).declare(item, at));
        declared.writes().forEach(item -> signals.get(Signal.WRITES).declare(item, at));
        declared.healthchecks().forEach(item -> signals.get(Signal.HEALTHCHECKS).declare(item, at));
    }

    public ProfileState state() {
        Map<Signal, SignalState> states = new EnumMap<>(Signal.class);
        signals.forEach((signal, learning) -> states.put(signal, learning.state()));
        return new ProfileState(key, prior, runtimeFingerprint, provisional, inheritedFrom, pinned, created, updated,
                liveIntervals, currentInterval, currentLive, states, resources.state(), source, ciMode);
    }

    public ProfileKey key() {
        return key;
    }

    public String runtimeFingerprint() {
        return runtimeFingerprint;
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean provisional() {
        return provisional;
    }

    public long liveIntervals() {
        return liveIntervals;
    }

    /** Moves to the interval of {@code at}, counting it once as live when there is live activity. */
    void tick(Instant at, Duration interval, boolean live) {
        long index = at.getEpochSecond() / Math.max(1, interval.getSeconds());
        if (index > currentInterval) {
            currentInterval = index;
            currentLive = false;
        }
        if (live && !currentLive) {
            currentLive = true;
            liveIntervals++;
        }
    }

    /**
     * The wall clock was stepped by {@code by} (NTP setting a wrong clock right, {@code date -s}): the times learning is
     * measured from move with it, so the step itself counts neither towards the minimum span and quiet period (a step
     * forward) nor against them (a step back). Live intervals are counted by the clock as it reads: after a step back,
     * none is counted until it reaches the last one again.
     */
    public void clockMoved(Duration by) {
        signals.values().forEach(learning -> learning.shift(by));
    }

    /** Whether the signal is still learning: not converged, or an operator asked it to learn. */
    public boolean learning(Signal signal) {
        SignalLearning learning = signals.get(signal);
        return !pinned && (!learning.converged() || learning.mode() == RuntimeMode.LEARN);
    }

    /** Learns an item; returns whether it was new. */
    boolean learn(Signal signal, String item, Instant at) {
        boolean added = signals.get(signal).observe(item, currentInterval, at);
        updated = at;
        return added;
    }

    /** Whether the item, or a generalisation covering it, was learned (or declared). */
    public boolean knows(Signal signal, String item) {
        return signals.get(signal).knows(item);
    }

    void learnResources(Observation.ResourceSample sample) {
        resources.learn(sample);
        updated = sample.at();
    }

    /** The learned resource envelope. */
    public ResourceLimits envelope() {
        return resources.limits();
    }

    /** How many samples in a row a container has been above the envelope, counting this one. */
    int breachStreak(String containerId, boolean breached) {
        return breachStreaks.merge(containerId, breached ? 1 : 0, (before, one) -> one == 0 ? 0 : before + 1);
    }

    /** The Good–Turing estimate that the next live interval brings something new in this signal. */
    public double missingMass(Signal signal) {
        if (signal == Signal.RESOURCES) {
            return resources.samples() >= MIN_RESOURCE_SAMPLES ? 0 : 1;
        }
        return signals.get(signal).missingMass(liveIntervals);
    }

    /**
     * Checks every learning signal for convergence: its estimate at or below the threshold for the minimum span,
     * nothing new for the quiet period, and enough live intervals. A converged signal moves to the promotion mode.
     */
    public void evaluate(Instant at, LearningSettings settings) {
        for (Signal signal : Signal.values()) {
            SignalLearning learning = signals.get(signal);
            if (pinned || learning.converged()) {
                continue;
            }
            double mass = missingMass(signal);
            if (mass > settings.missingMass()) {
                learning.belowSince(null);
                continue;
            }
            if (learning.belowSince() == null) {
                learning.belowSince(at);
            }
            boolean spanned = !learning.belowSince().plus(settings.minSpan().duration()).isAfter(at);
            boolean quiet = learning.lastNew() == null || !learning.lastNew().plus(settings.quietPeriod().duration()).isAfter(at);
            if (spanned && quiet && liveIntervals >= settings.minIntervals()) {
                learning.converge(at, settings.promoteTo());
            }
        }
        if (converged()) {
            provisional = false;
            ciMode = null;
        }
    }

    public boolean converged(Signal signal) {
        return pinned || signals.get(signal).converged();
    }

    /** Whether every signal has converged. */
    public boolean converged() {
        return signals.keySet().stream().allMatch(this::converged);
    }

    /** When the last signal converged, once all have. */
    public Optional<Instant> convergedAt() {
        if (!converged()) {
            return Optional.empty();
        }
        return signals.values().stream().map(SignalLearning::convergedAt).filter(Objects::nonNull).max(Instant::compareTo)
                .or(() -> Optional.of(created));
    }

    /** The signal's own mode: learn until converged, then the promoted or chosen mode. */
    public RuntimeMode mode(Signal signal) {
        SignalLearning learning = signals.get(signal);
        return pinned || learning.converged() ? learning.mode() : RuntimeMode.LEARN;
    }

    /** An operator's choice of mode for one signal, or all when empty; a mode beyond learn ends learning. */
    public void pinMode(Optional<Signal> signal, RuntimeMode mode, Instant at) {
        signal.ifPresentOrElse(one -> signals.get(one).pinMode(mode, at),
                () -> signals.values().forEach(learning -> learning.pinMode(mode, at)));
        updated = at;
    }

    /** The items of one signal. */
    public Map<String, ItemStats> items(Signal signal) {
        return signals.get(signal).items();
    }

    public Prior prior() {
        return prior;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }

    public String inheritedFrom() {
        return inheritedFrom;
    }

    /** Whether a sample shows live activity: CPU above idle, or network traffic since the container's last sample. */
    boolean liveSample(Observation.ResourceSample sample) {
        Long before = networkBytes.put(sample.containerId(), sample.networkBytes());
        return sample.cpu() > LIVE_CPU_CORES || before != null && sample.networkBytes() != before;
    }
}
