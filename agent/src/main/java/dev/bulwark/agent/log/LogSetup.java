package dev.bulwark.agent.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * How Bulwark logs, found by Logback through {@code META-INF/services}: every line a JSON object on standard error
 * ({@link JsonLineLayout}); Bulwark's own loggers from INFO, the libraries' (the Docker client, HTTP, SQLite…) from
 * WARN, so their warnings and errors are kept in the same form without their chatter.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The logger of the agent's own lines. */
    public static final String AGENT = "bulwark-agent";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger(AGENT).setLevel(Level.INFO);
        context.getLogger("bulwark-admission-fallback").setLevel(Level.INFO);
        context.getLogger("dev.bulwark").setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
