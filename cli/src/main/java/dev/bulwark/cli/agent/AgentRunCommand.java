package dev.bulwark.cli.agent;

import dev.bulwark.agent.daemon.AgentAlerts;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.policy.load.PolicyLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark agent run --config FILE}: watch every container of this host until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Watch the containers of this Docker host and enforce the policy's runtime section.",
            "Runs until stopped (SIGTERM or Ctrl-C). Needs root: the process connector, fanotify and the containers' /proc.",
            "Exit code: 0 when stopped, 2 for a configuration error, 3 when Docker cannot be reached."})
public final class AgentRunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the agent configuration (YAML)")
    private Path config;

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig settings = AgentConfig.load(config);
        Optional<AgentAlerts> alerts = AgentAlerts.forPolicy(new PolicyLoader().load(settings.policy()), Secrets.fromEnvironment(),
                settings.stateDir(), Clock.systemUTC());
        AgentDaemon daemon = AgentDaemon.start(settings, Clock.systemUTC(), alerts.isPresent() ? alerts.get() : entry -> { });
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "bulwark-agent-shutdown"));
        daemon.awaitTermination();
        return 0;
    }
}
