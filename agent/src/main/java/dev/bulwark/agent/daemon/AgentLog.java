package dev.bulwark.agent.daemon;

import dev.bulwark.agent.log.LogSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent's own log lines, through SLF4J: one JSON object per line on standard error ({@link LogSetup}). */
final class AgentLog {

    private static final Logger LOG = LoggerFactory.getLogger(LogSetup.AGENT);

    private AgentLog() {
    }

    static void info(String message) {
        LOG.info(message);
    }

    static void warn(String message) {
        LOG.warn(message);
    }

    /** A warning about one container: the line names it, its image and the rule concerned (when not blank) in fields. */
    static void warn(String message, String container, String image, String rule) {
        org.slf4j.spi.LoggingEventBuilder line = LOG.atWarn().addKeyValue("container", container);
        if (!image.isBlank()) {
            line = line.addKeyValue("image", image);
        }
        if (!rule.isBlank()) {
            line = line.addKeyValue("rule", rule);
        }
        line.log(message);
    }
}
