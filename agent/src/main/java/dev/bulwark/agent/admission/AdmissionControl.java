package dev.bulwark.agent.admission;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.AuditLog;
import dev.bulwark.policy.runtime.RuntimeSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The agent's admission control: Docker's authorization plugin protocol served on
 * {@code /run/docker/plugins/NAME.sock}, so that with {@code dockerd --authorization-plugin=NAME} a container that
 * breaks the policy's admission rules, or whose image lacks the verdict this host's stage requires, never starts.
 * It listens before the agent first calls the engine: the engine does not start until it finds the plugin.
 */
public final class AdmissionControl implements AutoCloseable {

    private final UnixHttpServer server;
    private final ImageVerdicts verdicts;

    private AdmissionControl(UnixHttpServer server, ImageVerdicts verdicts) {
        this.server = server;
        this.verdicts = verdicts;
    }

    /** Starts serving the plugin socket; the judge calls the engine through {@code docker} only when it judges. */
    public static AdmissionControl start(AdmissionSettings settings, RuntimeSpec runtime, DockerClient docker, AuditLog audit,
                                         Consumer<AuditEntry> alerts, Consumer<String> warn, Clock clock) {
        ImageVerdicts verdicts = new ImageVerdicts(docker, settings, clock);
        AdmissionJudge judge = new AdmissionJudge(runtime, docker, verdicts, settings, clock);
        AuthzPlugin plugin = new AuthzPlugin(() -> judge, settings, audit, alerts, warn, clock);
        return new AdmissionControl(UnixHttpServer.start(settings.socket(), plugin, warn), verdicts);
    }

    /** The socket the engine reaches the plugin on. */
    public Path socket() {
        return server.socket();
    }

    /** Stops serving and removes the socket: from then on the engine refuses every request until the agent is back. */
    @Override
    public void close() {
        server.close();
        verdicts.close();
    }
}
