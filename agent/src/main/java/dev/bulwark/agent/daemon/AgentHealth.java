package dev.bulwark.agent.daemon;

import dev.bulwark.agent.audit.HeldAudit;
import dev.bulwark.agent.docker.DockerEventWatcher;
import java.util.ArrayList;
import java.util.List;

/** What is wrong with a running agent, as its health endpoint says it. */
final class AgentHealth {

    private AgentHealth() {
    }

    /** The problems now; empty when the agent is well. */
    static List<String> problems(DockerEventWatcher watcher, HeldAudit audit) {
        if (watcher == null || audit == null) {
            return List.of("the agent is starting");
        }
        List<String> problems = new ArrayList<>();
        if (!watcher.connected()) {
            problems.add("the agent is not connected to the Docker engine's events; it reconnects by itself");
        }
        audit.problem().ifPresent(problems::add);
        return problems;
    }
}
