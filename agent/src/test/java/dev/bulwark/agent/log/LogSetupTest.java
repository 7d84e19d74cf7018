package dev.bulwark.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keepsBulwarksInformationAndOnlyTheLibrariesWarnings() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        setup.configure(context);
        ListAppender<ILoggingEvent> kept = new ListAppender<>();
        kept.setContext(context);
        kept.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(kept);

        context.getLogger(LogSetup.AGENT).info("watching 3 containers");
        context.getLogger("com.github.dockerjava.core.DefaultDockerClientConfig").info("chatter");
        context.getLogger("org.apache.hc.client5.http.impl.classic.InternalHttpClient").debug("more chatter");
        context.getLogger("com.github.dockerjava.api.async.ResultCallbackTemplate").warn("the event stream broke");
        context.getLogger("dev.bulwark.scanner.db.VulnDb").info("database opened");

        assertThat(kept.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("watching 3 containers", "the event stream broke", "database opened");
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        context.stop();
    }

    @Test
    void writesEachLineAsOneJsonObjectWithTheContainerImageAndRuleAsFields() throws IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        Logger logger = context.getLogger(LogSetup.AGENT);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "the stop of container {} failed",
                new IllegalStateException("engine said no", new java.io.IOException("connection reset")), new Object[] {"web-1"});
        event.setInstant(Instant.parse("2026-12-03T12:00:00Z"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("container", "4f2a"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("image", "sha256:abc"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("rule", "deniedExecutables"));
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);

        String line = layout.doLayout(event);

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode read = JSON.readTree(line);
        assertThat(read.path("time").asText()).isEqualTo("2026-12-03T12:00:00Z");
        assertThat(read.path("level").asText()).isEqualTo("warn");
        assertThat(read.path("logger").asText()).isEqualTo("bulwark-agent");
        assertThat(read.path("message").asText()).isEqualTo("the stop of container web-1 failed");
        assertThat(read.path("container").asText()).isEqualTo("4f2a");
        assertThat(read.path("image").asText()).isEqualTo("sha256:abc");
        assertThat(read.path("rule").asText()).isEqualTo("deniedExecutables");
        assertThat(read.path("error").asText()).isEqualTo(
                "java.lang.IllegalStateException: engine said no; caused by java.io.IOException: connection reset");
    }
}
