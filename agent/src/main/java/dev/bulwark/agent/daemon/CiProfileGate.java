package dev.bulwark.agent.daemon;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.HeldAudit;
import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.docker.ContainerView;
import dev.bulwark.agent.profile.AttachedProfiles;
import dev.bulwark.agent.profile.ProfileBook;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.runtime.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds back what is seen of a container whose image the agent has no profile for, while the profile CI attached to
 * the image is looked for in its registry ({@link AttachedProfiles}), so that the container is judged by it from its
 * first second; then judges what it held, in order. The lookup runs on a thread of its own; an image is looked for
 * once (again after {@link #RETRY} when the registry could not be asked), and nothing is held longer than
 * {@link #WAIT}. Used on the agent's judging thread only.
 */
final class CiProfileGate {

    /** The longest the judging of an image's containers waits for the registry. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Observations held per image at most; past that the image is judged without waiting further. */
    static final int HELD_AT_MOST = 10_000;
    /** Containers remembered as settled; one forgotten is settled again with a look at the profile store. */
    static final int SETTLED_AT_MOST = 65_536;
    /** When an image whose lookup got no answer is looked for again. */
    static final Duration RETRY = Duration.ofMinutes(10);

    private record Held(Observation observation, String sensor) {
    }

    private final ContainerView view;
    private final ProfileBook profiles;
    private final AttachedProfiles attached;
    private final Enforcer enforcer;
    private final HeldAudit audit;
    private final Clock clock;
    private final Executor judge;
    private final Executor lookups;
    private final ScheduledExecutorService timers;
    private final Map<String, List<Held>> pending = new HashMap<>();
    private final Map<String, Instant> lookedUntil = new LinkedHashMap<>();
    /** Containers whose profile is settled (stored, or their image looked for): judged without a second look. */
    private final Set<String> settled = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SETTLED_AT_MOST;
        }
    });

    CiProfileGate(ContainerView view, ProfileBook profiles, AttachedProfiles attached, Enforcer enforcer, HeldAudit audit,
                  Clock clock, Executor judge, Executor lookups, ScheduledExecutorService timers) {
        this.view = view;
        this.profiles = profiles;
        this.attached = attached;
        this.enforcer = enforcer;
        this.audit = audit;
        this.clock = clock;
        this.judge = judge;
        this.lookups = lookups;
        this.timers = timers;
    }

    /** Judges the observation now, or holds it while the CI profile of its container's image is looked for. */
    void handle(Observation observation, String sensor) {
        if (settled.contains(observation.containerId())) {
            enforcer.handle(observation, sensor);
            return;
        }
        Optional<ContainerInfo> info = view.get(observation.containerId()).or(() -> view.refresh(observation.containerId()));
        if (info.isEmpty() || info.get().imageId() == null || info.get().imageId().isBlank()) {
            enforcer.handle(observation, sensor);
            return;
        }
        String image = info.get().imageId();
        List<Held> held = pending.get(image);
        if (held != null) {
            if (held.size() < HELD_AT_MOST) {
                held.add(new Held(observation, sensor));
                return;
            }
            AgentLog.warn("more than " + HELD_AT_MOST + " observations of image " + image + " held while its CI profile is"
                    + " looked for: judging them without it");
            answered(image, Optional.empty(), clock.instant().plus(RETRY));
            enforcer.handle(observation, sensor);
            return;
        }
        Instant until = lookedUntil.get(image);
        if (until != null && clock.instant().isBefore(until) || profiles.hasProfile(info.get())) {
            if (until == null || until.equals(Instant.MAX)) {
                settled.add(observation.containerId());
            }
            enforcer.handle(observation, sensor);
            return;
        }
        pending.put(image, new ArrayList<>(List.of(new Held(observation, sensor))));
        lookups.execute(() -> {
            Optional<AttachedProfiles.Found> found;
            Instant retry = Instant.MAX;
            try {
                found = attached.lookup(image);
            } catch (RuntimeException e) {
                AgentLog.warn("could not look for a CI profile of image " + image + ": " + e.getMessage() + "; learning it on this"
                        + " host meanwhile, and asking again in " + RETRY.toMinutes() + " minutes for its next container");
                found = Optional.empty();
                retry = clock.instant().plus(RETRY);
            }
            Optional<AttachedProfiles.Found> answer = found;
            Instant again = retry;
            onJudge(image, () -> answered(image, answer, again));
        });
        try {
            timers.schedule(() -> onJudge(image, () -> {
                if (pending.containsKey(image)) {
                    AgentLog.warn("no answer from the registry about a CI profile of image " + image + " within "
                            + WAIT.toSeconds() + " s: learning it on this host");
                    answered(image, Optional.empty(), clock.instant().plus(RETRY));
                }
            }), WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            AgentLog.info("the agent is stopping: the wait for a CI profile of image " + image + " is not timed");
        }
    }

    /** Runs on the judging thread, unless the agent is stopping (what was held is then not judged). */
    private void onJudge(String image, Runnable task) {
        try {
            judge.execute(task);
        } catch (RejectedExecutionException stopping) {
            AgentLog.info("the agent is stopping: the answer about a CI profile of image " + image + " came too late");
        }
    }

    private void answered(String image, Optional<AttachedProfiles.Found> found, Instant lookAgain) {
        List<Held> held = pending.remove(image);
        if (held == null) {
            return; // answered already (the wait ran out first)
        }
        lookedUntil.put(image, lookAgain);
        found.ifPresent(fromCi -> {
            profiles.offer(image, fromCi);
            audit(image, fromCi);
        });
        held.forEach(one -> enforcer.handle(one.observation(), one.sensor()));
    }

    /** Audits, per running container of the image, that its profile starts from CI's. */
    private void audit(String image, AttachedProfiles.Found found) {
        Instant now = clock.instant();
        for (ContainerInfo info : view.all()) {
            if (image.equals(info.imageId()) && info.running()) {
                Profile profile = profiles.profileOf(info, now);
                if (!profile.source().isEmpty()) {
                    audit.append(new AuditEntry(now, info.id(), info.name(), image, "", "profile", "",
                            profile.ciMode().map(mode -> mode.word()).orElse(profiles.settings().fromCi().word()), "{}",
                            "the profile starts from the one learned in CI (" + profile.source() + ")"
                                    + (profile.ciMode().isPresent() ? "; the host learns on top of it" : "")));
                }
            }
        }
    }
}
