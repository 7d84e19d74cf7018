package dev.bulwark.agent.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.agent.audit.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What answers the engine when the agent is down. The agent starts it as a small child process holding one end of
 * a pipe; when the agent ends (stopped, crashed, killed with SIGKILL) the pipe closes and the fallback takes the
 * plugin socket over. It judges nothing: the requests admission control would judge get {@code admission.failure}
 * (refused when closed, allowed when open, audited either way) and everything else passes, so {@code docker ps},
 * {@code logs} and {@code stop} keep working. It exits as soon as the socket is no longer its own: the agent is
 * back and serving it, or an operator removed it. It never takes the socket from an agent that answers on it, except
 * from the one that hands it over: a closing agent writes its socket's inode on the pipe and answers until the
 * fallback's socket has replaced its own, so the engine always finds someone. An agent takes its socket back from a
 * fallback that bound it in the same instant (see {@link AdmissionControl}).
 */
public final class AdmissionFallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UNAVAILABLE = "the Bulwark agent is not running";

    private AdmissionFallback() {
    }

    /** Arguments: the plugin directory, the plugin name, the failure setting, the agent's state directory. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: AdmissionFallback PLUGIN_DIRECTORY PLUGIN FAILURE STATE_DIRECTORY");
        }
        AdmissionSettings settings = AdmissionSettings.defaults().with("pluginDirectory", args[0], List.of())
                .with("plugin", args[1], List.of()).with("failure", args[2], List.of());
        String handedOver;
        try (InputStream agent = System.in) {
            handedOver = new String(agent.readAllBytes(), StandardCharsets.US_ASCII).strip(); // until the agent is gone
        }
        boolean givenToUs = !handedOver.isEmpty() && handedOver.equals(Long.toString(UnixHttpServer.inodeOf(settings.socket())));
        if (!givenToUs && UnixHttpServer.answers(settings.socket())) {
            warn("the agent is gone, but another agent already answers on " + settings.socket() + ": the fallback is not needed");
            System.exit(0);
        }
        AuditLog audit = AuditLog.open(Path.of(args[3]));
        UnixHttpServer server = UnixHttpServer.start(settings.socket(), new AuthzPlugin(() -> null, UNAVAILABLE, settings, audit,
                entry -> { }, AdmissionFallback::warn, Clock.systemUTC()), AdmissionFallback::warn);
        warn("the agent is gone: answering on " + settings.socket() + " until it is back (admission.failure is "
                + settings.failure().word() + ")");
        while (server.ownsSocket()) {
            Thread.sleep(250);
        }
        server.close();
        audit.close();
        warn("the socket " + settings.socket() + " is no longer the fallback's: it stops");
        System.exit(0);
    }

    /** Starts the fallback for an agent; it waits until the returned process's standard input closes. */
    static Process spawn(AdmissionSettings settings, Path stateDir) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), AdmissionFallback.class.getName(),
                settings.pluginDirectory().toString(), settings.plugin(), settings.failure().word(), stateDir.toString()));
        try {
            return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the admission fallback (" + e.getMessage() + "): " + command, e);
        }
    }

    private static synchronized void warn(String message) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("level", "warn");
        line.put("logger", "bulwark-admission-fallback");
        line.put("message", message);
        System.err.println(line);
    }
}
