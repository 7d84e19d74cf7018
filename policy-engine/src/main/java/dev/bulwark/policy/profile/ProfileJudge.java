package dev.bulwark.policy.profile;

import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.LearningSettings;
import dev.bulwark.policy.runtime.ModePolicy;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.RuntimeRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Learns from an observation where a profile is still learning, and judges it where the profile has converged: only
 * behaviour the profile never saw counts, and only high-risk novelty ({@link Behaviours}) may block; the rest alerts.
 * A resource sample outside the envelope twice in a row is an anomaly: an alert, or a block when the policy says
 * so. Operators' {@code docker exec} is never learned and never judged here.
 */
public final class ProfileJudge {

    /** Samples in a row above the envelope before it is an anomaly: one spike is not. */
    static final int ANOMALY_STREAK = 2;

    private ProfileJudge() {
    }

    /**
     * What the profile makes of an observation.
     *
     * @param decision the decision in the signal's mode (allow while learning)
     * @param mode     the mode it was judged in
     */
    public record Judged(Decision decision, RuntimeMode mode) {

        public Judged {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(mode, "mode");
        }

        static final Judged LEARNED = new Judged(Decision.ALLOW, RuntimeMode.LEARN);
    }

    /**
     * Learns and judges one observation.
     *
     * @param parentExecutable the executable of an exec's parent, when known
     * @param labelled         the mode the container's label asks for, if any: it overrides converged signals' modes,
     *                         and {@code learn} keeps every signal learning
     * @param eventsLost       whether a sensor lost events lately (a block then becomes an alert)
     */
    public static Judged observe(Profile profile, Observation observation, Origin origin, String parentExecutable,
                                 LearningSettings settings, Optional<RuntimeMode> labelled, boolean eventsLost) {
        if (origin == Origin.OPERATOR) {
            return Judged.LEARNED;
        }
        boolean forcedLearning = labelled.filter(mode -> mode == RuntimeMode.LEARN).isPresent();
        if (observation instanceof Observation.ResourceSample sample) {
            profile.tick(sample.at(), settings.interval().duration(), profile.liveSample(sample));
            return resources(profile, sample, settings, labelled, forcedLearning, eventsLost);
        }
        profile.tick(observation.at(), settings.interval().duration(), origin == Origin.CONTAINER);
        Judged strongest = Judged.LEARNED;
        List<Behaviour> behaviours = Behaviours.of(observation, origin, parentExecutable);
        for (Behaviour behaviour : behaviours) {
            boolean learning = forcedLearning || profile.learning(behaviour.signal());
            boolean unknown = !profile.knows(behaviour.signal(), behaviour.item());
            if (learning && !(unknown && judgedOverCi(profile, behaviour, forcedLearning))) {
                profile.learn(behaviour.signal(), behaviour.item(), observation.at());
            } else if (unknown) {
                Decision raw = behaviour.highRisk() ? new Decision.Block(RuntimeRule.PROFILE, behaviour.what())
                        : new Decision.Alert(RuntimeRule.PROFILE, behaviour.what());
                strongest = stronger(strongest, judged(raw, profile, behaviour.signal(), labelled, eventsLost));
            }
        }
        return strongest;
    }

    /**
     * Whether a behaviour is judged although its signal is learning: the host learns on top of a profile from CI, and
     * this is something CI never saw that would block. It is judged in the CI mode ({@link #judged}), not learned.
     */
    private static boolean judgedOverCi(Profile profile, Behaviour behaviour, boolean forcedLearning) {
        return !forcedLearning && behaviour.highRisk() && profile.ciMode().isPresent();
    }

    private static Judged resources(Profile profile, Observation.ResourceSample sample, LearningSettings settings,
                                    Optional<RuntimeMode> labelled, boolean forcedLearning, boolean eventsLost) {
        if (forcedLearning || profile.learning(Signal.RESOURCES)) {
            profile.learnResources(sample);
            return Judged.LEARNED;
        }
        String breach = profile.envelope().breach(sample);
        if (profile.breachStreak(sample.containerId(), !breach.isEmpty()) < ANOMALY_STREAK) {
            return Judged.LEARNED;
        }
        String why = "resource use outside the learned envelope: " + breach;
        Decision raw = settings.blocksAnomalies() ? new Decision.Block(RuntimeRule.RESOURCES, why)
                : new Decision.Alert(RuntimeRule.RESOURCES, why);
        return judged(raw, profile, Signal.RESOURCES, labelled, eventsLost);
    }

    private static Judged judged(Decision raw, Profile profile, Signal signal, Optional<RuntimeMode> labelled,
                                 boolean eventsLost) {
        RuntimeMode mode = labelled.orElse(profile.learning(signal) ? profile.ciMode().orElse(RuntimeMode.LEARN) : profile.mode(signal));
        return new Judged(ModePolicy.apply(raw, mode, eventsLost), mode);
    }

    private static Judged stronger(Judged a, Judged b) {
        return b.decision().outranks(a.decision()) ? b : a;
    }
}
