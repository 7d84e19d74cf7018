package dev.bulwark.agent.prevent;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * The real agent in a process of its own, for tests that kill it: prints {@code guarding ID…} whenever the set of
 * guarded containers changes. Usage: {@code GuardedAgentMain AGENT_YAML}.
 */
public final class GuardedAgentMain {

    private GuardedAgentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AgentDaemon agent = AgentDaemon.start(AgentConfig.load(Path.of(args[0])), Clock.systemUTC());
        Set<String> said = Set.of();
        while (true) {
            agent.syncGuard();
            Set<String> now = agent.guarded();
            if (!now.equals(said)) {
                System.out.println("guarding " + String.join(" ", now));
                System.out.flush();
                said = now;
            }
            Thread.sleep(100);
        }
    }
}
