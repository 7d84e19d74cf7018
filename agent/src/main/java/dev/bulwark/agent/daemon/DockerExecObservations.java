package dev.bulwark.agent.daemon;

import dev.bulwark.agent.docker.ContainerEvent;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker exec} as Docker reports it ({@code exec_start: sh -c …}): an observation of the program started,
 * seen before the program runs, so the agent can act even on an exec too short for the process sensors.
 */
final class DockerExecObservations {

    static final String SENSOR = ExecSource.DOCKER_EXEC.word();

    private DockerExecObservations() {
    }

    static Optional<Observation.ProcessExec> of(ContainerEvent event) {
        if (!event.verb().equals("exec_start") || event.command().isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = Arrays.stream(event.command().get().strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        String program = argv.get(0);
        String executable = program.startsWith("/") ? program : "/bin/" + program;
        return Optional.of(new Observation.ProcessExec(event.containerId(), event.at(), 0, 0, -1, executable, argv, ExecSource.DOCKER_EXEC));
    }
}
