package dev.bulwark.cli.agent;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark agent release CONTAINER}: undo a quarantine or a pause. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Undo what the agent did to a container: reconnect a quarantined one to its networks, unpause a paused one.",
            "Exit code: 0 released, 2 when there is nothing to release, 3 when Docker cannot be reached."})
public final class AgentReleaseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the agent configuration (YAML)")
    private Path config;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "the container's name or ID")
    private String container;

    @Override
    public Integer call() {
        String done = AgentDaemon.release(AgentConfig.load(config), container);
        spec.commandLine().getOut().println(done);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
