package dev.bulwark.agent.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per log line, for journald and log shippers: {@code time} (ISO-8601), {@code level} (lower case),
 * {@code logger}, {@code message}, then every key-value pair and MDC entry the line carries ({@code container},
 * {@code image}, {@code rule}…) as fields of their own, and {@code error} (the exception's class and message, and its
 * cause's) when there is one. Libraries' lines come out the same way.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String doLayout(ILoggingEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", event.getInstant().toString());
        line.put("level", event.getLevel().toString().toLowerCase(Locale.ROOT));
        line.put("logger", event.getLoggerName());
        line.put("message", event.getFormattedMessage());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            line.put(entry.getKey(), entry.getValue());
        }
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                line.put(pair.key, String.valueOf(pair.value));
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            StringBuilder error = new StringBuilder();
            for (IThrowableProxy cause = thrown; cause != null && error.length() < 2_000; cause = cause.getCause()) {
                error.append(error.length() == 0 ? "" : "; caused by ").append(cause.getClassName())
                        .append(cause.getMessage() == null ? "" : ": " + cause.getMessage());
            }
            line.put("error", error.toString());
        }
        return line + CoreConstants.LINE_SEPARATOR;
    }
}
