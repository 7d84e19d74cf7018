package dev.bulwark.agent.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The agent's own log: one JSON object per line on standard error, for journald and log shippers. */
final class AgentLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentLog() {
    }

    static void info(String message) {
        write("info", message);
    }

    static void warn(String message) {
        write("warn", message);
    }

    private static synchronized void write(String level, String message) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("logger", "bulwark-agent");
        line.put("message", message);
        System.err.println(line);
    }
}
