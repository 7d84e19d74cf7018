package dev.bulwark.agent.prevent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the exec guard enforces on one container in protect mode, from the policy's explicit rules and the container's
 * converged profile.
 *
 * @param containerId         the container's full ID
 * @param mainPid             its main process (host PID): its root and mounts are marked through {@code /proc/<pid>}
 * @param deniedExecutables   the policy's {@code deniedExecutables} globs, enforced on every process in the container
 * @param allowedExecutables  the policy's {@code allowedExecutables} globs (empty: no allow list)
 * @param profilePrograms     the programs the converged profile knows, when its executables are protected: any other
 *                            program the container's own processes run is refused; operators' and health checks'
 *                            {@code docker exec} programs are left to the profile's judgement after the fact
 * @param readableCredentials the credential files the converged profile read, when its sensitive reads are
 *                            protected: every other credential file in the container is guarded against reads
 * @param operatorExecDenied  whether {@code runtime.exec: deny} refuses every program an operator's {@code docker exec} runs
 */
public record GuardPlan(String containerId, long mainPid, List<String> deniedExecutables, List<String> allowedExecutables,
                        Optional<Set<String>> profilePrograms, Optional<Set<String>> readableCredentials,
                        boolean operatorExecDenied) {

    public GuardPlan {
        Objects.requireNonNull(containerId, "containerId");
        deniedExecutables = List.copyOf(deniedExecutables);
        allowedExecutables = List.copyOf(allowedExecutables);
        profilePrograms = profilePrograms.map(Set::copyOf);
        readableCredentials = readableCredentials.map(Set::copyOf);
    }

    /** Whether the plan refuses anything at all; a plan that does not is not worth marking the container for. */
    public boolean enforcesAnything() {
        return !deniedExecutables.isEmpty() || !allowedExecutables.isEmpty() || profilePrograms.isPresent()
                || readableCredentials.isPresent() || operatorExecDenied;
    }
}
