package dev.bulwark.agent.daemon;

import java.util.concurrent.ThreadFactory;

/** The agent's own threads: named for thread dumps and logs, and daemon threads, so none holds the JVM up alone. */
final class AgentThreads {

    private AgentThreads() {
    }

    /** Threads of this name. */
    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
