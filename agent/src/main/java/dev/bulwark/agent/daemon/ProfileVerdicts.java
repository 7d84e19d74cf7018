package dev.bulwark.agent.daemon;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.profile.Lineage;
import dev.bulwark.agent.profile.ProfileBook;
import dev.bulwark.agent.prevent.SamePrograms;
import dev.bulwark.policy.profile.Origin;
import dev.bulwark.policy.profile.Signal;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileJudge;
import dev.bulwark.policy.runtime.Applets;
import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.ModePolicy;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.RuntimeRule;
import dev.bulwark.policy.runtime.RuntimeSpec;
import java.util.Optional;

/**
 * The learned profile's view of one observation: an operator's {@code docker exec} is judged by the policy's exec
 * setting only; the container's own behaviour (and its health check's) is learned or judged by its profile. An exec
 * whose origin cannot be told yet is handed back to be judged again a moment later and allowed meanwhile. An exec
 * whose file has the content of a program the profile knows counts as that program ({@link SamePrograms}).
 */
final class ProfileVerdicts {

    private static final ProfileJudge.Judged NOTHING_YET = new ProfileJudge.Judged(Decision.ALLOW, RuntimeMode.LEARN);

    private final RuntimeSpec runtime;
    private final ProfileBook profiles;
    private final Lineage lineage;
    private final Enforcer.RetryLater retryLater;
    private final SamePrograms samePrograms = new SamePrograms();

    ProfileVerdicts(RuntimeSpec runtime, ProfileBook profiles, Lineage lineage, Enforcer.RetryLater retryLater) {
        this.runtime = runtime;
        this.profiles = profiles;
        this.lineage = lineage;
        this.retryLater = retryLater;
    }

    ProfileJudge.Judged judge(ContainerInfo info, Observation observation, Optional<RuntimeMode> labelled,
                              boolean eventsLost, RuntimeMode containerMode, String sensor, boolean retry) {
        return observation.match(
                exec -> judgeExec(info, exec, labelled, eventsLost, containerMode, sensor, retry),
                listen -> learnOrJudge(info, listen, Origin.CONTAINER, "", labelled, eventsLost),
                connect -> learnOrJudge(info, connect, Origin.CONTAINER, "", labelled, eventsLost),
                file -> judgeFile(info, file, labelled, eventsLost, sensor, retry),
                sample -> learnOrJudge(info, sample, Origin.CONTAINER, "", labelled, eventsLost),
                config -> NOTHING_YET);
    }

    private ProfileJudge.Judged judgeExec(ContainerInfo info, Observation.ProcessExec exec, Optional<RuntimeMode> labelled,
                                          boolean eventsLost, RuntimeMode containerMode, String sensor, boolean retry) {
        Lineage.Attribution attribution = lineage.attribute(exec, info, retry);
        if (!attribution.certain()) {
            retryLater.retry(exec, sensor, info.pid());
            return NOTHING_YET;
        }
        if (exec.source() == ExecSource.DOCKER_EXEC) {
            return attribution.origin() == Origin.OPERATOR ? operatorExec(exec, containerMode, eventsLost) : NOTHING_YET;
        }
        Observation.ProcessExec same = sameProgram(info, exec.executable(), exec.pid(), attribution.origin())
                .map(program -> new Observation.ProcessExec(exec.containerId(), exec.at(), exec.pid(), exec.parentPid(),
                        exec.uid(), program, exec.argv(), exec.source(), exec.loader())).orElse(exec);
        return learnOrJudge(info, same, attribution.origin(), attribution.parentExecutable(), labelled, eventsLost);
    }

    /**
     * The program the profile knows that this executable is by content, when its path is not a known one: a copy or a
     * rename of a known program is learned and judged as that program. Multi-call binaries are known by their applets
     * and are left as they are.
     */
    private Optional<String> sameProgram(ContainerInfo info, String executable, long pid, Origin origin) {
        String base = executable.substring(executable.lastIndexOf('/') + 1);
        if (!executable.startsWith("/") || Applets.multiCall(base) || origin == Origin.OPERATOR) {
            return Optional.empty();
        }
        Signal signal = origin == Origin.HEALTHCHECK ? Signal.HEALTHCHECKS : Signal.EXECUTABLES;
        Profile profile = profiles.profileOf(info, java.time.Instant.now());
        return samePrograms.knownAs(info.id(), info.pid(), profile.items(signal).keySet(), executable, pid);
    }

    private ProfileJudge.Judged judgeFile(ContainerInfo info, Observation.FileAccess file, Optional<RuntimeMode> labelled,
                                          boolean eventsLost, String sensor, boolean retry) {
        if (file.kind() != FileAccessKind.EXEC) {
            return learnOrJudge(info, file, lineage.originOf(file.pid()), "", labelled, eventsLost);
        }
        Lineage.Attribution attribution = lineage.attributeFile(file, info, retry);
        if (!attribution.certain()) {
            retryLater.retry(file, sensor, info.pid());
            return NOTHING_YET;
        }
        Observation.FileAccess same = sameProgram(info, file.path(), file.pid(), attribution.origin())
                .map(program -> new Observation.FileAccess(file.containerId(), file.at(), program, file.kind(), file.pid()))
                .orElse(file);
        return learnOrJudge(info, same, attribution.origin(), "", labelled, eventsLost);
    }

    private ProfileJudge.Judged learnOrJudge(ContainerInfo info, Observation observation, Origin origin, String parent,
                                             Optional<RuntimeMode> labelled, boolean eventsLost) {
        Profile profile = profiles.profileOf(info, observation.at());
        return ProfileJudge.observe(profile, observation, origin, parent, profiles.settings(), labelled, eventsLost);
    }

    private ProfileJudge.Judged operatorExec(Observation.ProcessExec exec, RuntimeMode mode, boolean eventsLost) {
        String what = "an operator ran docker exec " + String.join(" ", exec.argv()) + " (runtime.exec is " + runtime.exec().word() + ")";
        Decision raw = switch (runtime.exec()) {
            case ALLOW -> Decision.ALLOW;
            case ALERT -> new Decision.Alert(RuntimeRule.EXEC, what);
            case DENY -> new Decision.Block(RuntimeRule.EXEC, what);
        };
        return new ProfileJudge.Judged(ModePolicy.apply(raw, mode, eventsLost), mode);
    }
}
