package dev.bulwark.agent.profile;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileDocument;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.policy.profile.ProfileKey;
import dev.bulwark.policy.profile.ProfileState;
import dev.bulwark.policy.profile.Signal;
import dev.bulwark.policy.runtime.LearningSettings;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The agent's profiles in use: which profile each container belongs to (loading it, inheriting the previous image
 * version's, or starting from the image's declarations), periodic convergence checks, and saving what changed.
 * Used from the agent's judge thread only.
 */
public final class ProfileBook {

    private final ProfileStore store;
    private final Priors priors;
    private final LearningSettings settings;
    private final Consumer<String> log;
    private final Map<ProfileKey, Profile> profiles = new HashMap<>();
    private final Map<String, ProfileKey> containers = new HashMap<>();
    private final Set<ProfileKey> converged = new HashSet<>();
    private final Map<ProfileKey, Optional<FileTime>> saved = new HashMap<>();
    private final Map<ProfileKey, ProfileState> written = new HashMap<>();
    private final ClockSteps clockSteps;
    /** Profiles CI attached to images, by image ID, offered once looked up. */
    private final Map<String, AttachedProfiles.Found> fromCi = new HashMap<>();
    /** Profiles started on this host in this run (not loaded): a CI profile offered later replaces them. */
    private final Set<ProfileKey> startedHere = new HashSet<>();
    /** Profiles started here that a CI profile replaces: what was saved of them is not loaded again. */
    private final Set<ProfileKey> replacedByCi = new HashSet<>();

    public ProfileBook(ProfileStore store, Priors priors, LearningSettings settings, Consumer<String> log) {
        this(store, priors, settings, log, System::nanoTime);
    }

    ProfileBook(ProfileStore store, Priors priors, LearningSettings settings, Consumer<String> log, LongSupplier nanos) {
        this.clockSteps = new ClockSteps(nanos);
        this.store = store;
        this.priors = priors;
        this.settings = settings;
        this.log = log;
    }

    /** The profile a container belongs to; the first time, its profile is loaded, inherited or started. */
    public Profile profileOf(ContainerInfo container, Instant at) {
        ProfileKey known = containers.get(container.id());
        if (known != null && known.image().equals(container.imageId())) {
            return profiles.get(known);
        }
        ProfileKey key = Workloads.keyOf(container);
        String fingerprint = Workloads.fingerprint(container);
        Profile profile = profiles.get(key);
        if (profile == null) {
            Optional<Profile> stored = replacedByCi.remove(key) ? Optional.empty() : store.load(key);
            profile = stored.or(() -> fromCi(key, container, fingerprint, at)).orElseGet(() -> store.previousVersion(key)
                    .map(previous -> {
                        log.accept("profile " + key + " inherits from image " + previous.key().shortImage() + " (provisional, relearning)");
                        return previous.inheritTo(key, priors.of(container), fingerprint, at);
                    })
                    .orElseGet(() -> {
                        log.accept("profile " + key + " starts learning from the image's declarations");
                        return Profile.fresh(key, priors.of(container), fingerprint, at);
                    }));
            if (stored.isEmpty() && profile.source().isEmpty()) {
                startedHere.add(key);
            }
            profiles.put(key, profile);
            saved.put(key, store.modified(key));
            written.remove(key);
            if (profile.converged()) {
                converged.add(key);
            }
        }
        if (!profile.pinned() && !profile.runtimeFingerprint().equals(fingerprint)) {
            log.accept("profile " + key + ": runtime parameters of " + container.name() + " changed (command, mounts,"
                    + " networks or capabilities); relearning, provisional");
            profile.relearn(fingerprint, at);
            converged.remove(key);
        }
        containers.put(container.id(), key);
        return profile;
    }

    /** Whether a profile for the container's image and workload is in use or stored: no CI profile is then needed. */
    public boolean hasProfile(ContainerInfo container) {
        ProfileKey key = Workloads.keyOf(container);
        return !startedHere.contains(key) && (profiles.containsKey(key) || store.modified(key).isPresent());
    }

    /**
     * The profiles CI attached to an image, found in its registry: containers of the image start from them. A profile of
     * the image started on this host meanwhile (its containers were judged before the answer came) is replaced.
     */
    public void offer(String imageId, AttachedProfiles.Found found) {
        fromCi.put(imageId, found);
        for (ProfileKey key : List.copyOf(startedHere)) {
            if (key.image().equals(imageId)) {
                profiles.remove(key);
                startedHere.remove(key);
                replacedByCi.add(key);
                log.accept("profile " + key + " was started before the profile from CI was found; starting again from it");
                containers.values().removeIf(key::equals);
                converged.remove(key);
                written.remove(key);
            }
        }
    }

    /** The profile CI attached to the image, for this workload (or its only one), started as the policy says. */
    private Optional<Profile> fromCi(ProfileKey key, ContainerInfo container, String fingerprint, Instant at) {
        AttachedProfiles.Found found = fromCi.get(key.image());
        if (found == null) {
            return Optional.empty();
        }
        List<ProfileDocument> documents = found.documents();
        Optional<ProfileDocument> chosen = documents.stream().filter(d -> key.workload().equals(d.metadata().workload())).findFirst()
                .or(() -> documents.size() == 1 ? Optional.of(documents.get(0)) : Optional.empty());
        if (chosen.isEmpty()) {
            log.accept("profile " + key + ": CI learned " + documents.size() + " workloads of this image ("
                    + documents.stream().map(d -> d.metadata().workload()).toList() + "), not this one; learning here");
            return Optional.empty();
        }
        Profile profile = Profile.fromCi(key, priors.of(container), fingerprint, ProfileDocuments.seen(chosen.get()),
                "ci: " + found.where(), settings, at);
        log.accept("profile " + key + " starts from the profile learned in CI, attached to " + found.where() + ": "
                + settings.fromCi().word() + (profile.ciMode().isPresent() ? ", learning on top of it"
                : settings.fromCi() == dev.bulwark.policy.runtime.RuntimeMode.LEARN ? ", learning on" : ", as converged"));
        return Optional.of(profile);
    }

    /** Checks convergence of every profile in use, says which converged, and saves those that changed. */
    public void tick(Instant at) {
        clockSteps.read(at).ifPresent(step -> {
            log.accept("the clock was stepped by " + step.toSeconds() + " s: learning spans of " + profiles.size()
                    + " profiles are moved with it, so the step does not count as time learned");
            profiles.values().forEach(profile -> profile.clockMoved(step));
        });
        for (ProfileKey key : List.copyOf(profiles.keySet())) {
            var onDisk = store.modified(key);
            if (onDisk.isPresent() && !onDisk.equals(saved.get(key))) {
                log.accept("profile " + key + " changed on disk (import or mode change): using it");
                store.load(key).ifPresent(changed -> {
                    profiles.put(key, changed);
                    written.put(key, changed.state());
                });
            }
            Profile profile = profiles.get(key);
            profile.evaluate(at, settings);
            if (profile.converged() && converged.add(profile.key())) {
                log.accept("profile " + profile.key() + " converged after " + profile.liveIntervals() + " live intervals: "
                        + modes(profile));
            }
            ProfileState state = profile.state();
            if (!state.equals(written.get(key))) {
                store.save(profile);
                saved.put(key, store.modified(key));
                written.put(key, state);
            }
        }
    }

    public List<Profile> inUse() {
        return new ArrayList<>(profiles.values());
    }

    public LearningSettings settings() {
        return settings;
    }

    private static String modes(Profile profile) {
        StringBuilder text = new StringBuilder(ProfileDocuments.status(profile));
        for (Signal signal : Signal.values()) {
            text.append(", ").append(signal.word()).append(' ').append(profile.mode(signal).word());
        }
        return text.toString();
    }

}
