package dev.bulwark.agent.admission;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.AuditLog;
import dev.bulwark.policy.runtime.RuntimeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The agent's admission control: Docker's authorization plugin protocol served on
 * {@code /run/docker/plugins/NAME.sock}, so that with {@code dockerd --authorization-plugin=NAME} a container that
 * breaks the policy's admission rules, or whose image lacks the verdict this host's stage requires, never starts.
 * It listens before the agent first calls the engine: the engine does not start until it finds the plugin.
 */
public final class AdmissionControl implements AutoCloseable {

    private static final Duration OWNERSHIP_CHECK = Duration.ofSeconds(1);
    /** How long a closing agent waits for its fallback to take the socket over. */
    private static final Duration HANDOVER = Duration.ofSeconds(5);

    private final Supplier<UnixHttpServer> serve;
    private final ImageVerdicts verdicts;
    private final Process fallback;
    private final Consumer<String> warn;
    private final ScheduledExecutorService watch;
    private volatile UnixHttpServer server;

    private AdmissionControl(Supplier<UnixHttpServer> serve, ImageVerdicts verdicts, Process fallback, Consumer<String> warn) {
        this.warn = warn;
        this.serve = serve;
        this.server = serve.get();
        this.verdicts = verdicts;
        this.fallback = fallback;
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bulwark-admission-socket");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(this::keepSocket, OWNERSHIP_CHECK.toMillis(), OWNERSHIP_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts serving the plugin socket; the judge calls the engine through {@code docker} only when it judges. */
    public static AdmissionControl start(AdmissionSettings settings, RuntimeSpec runtime, DockerClient docker, AuditLog audit,
                                         Path stateDir, Consumer<AuditEntry> alerts, Consumer<String> warn, Clock clock) {
        ImageVerdicts verdicts = new ImageVerdicts(docker, settings, clock);
        AdmissionJudge judge = new AdmissionJudge(runtime, docker, verdicts, settings, clock);
        AuthzPlugin plugin = new AuthzPlugin(() -> judge, "", settings, audit, alerts, warn, clock);
        return new AdmissionControl(() -> UnixHttpServer.start(settings.socket(), plugin, warn), verdicts,
                AdmissionFallback.spawn(settings, stateDir), warn);
    }

    /** Serves the socket again when its path no longer names this agent's socket: removed, or bound by a fallback. */
    private synchronized void keepSocket() {
        if (watch.isShutdown() || server.ownsSocket()) {
            return;
        }
        warn.accept("the admission socket " + server.socket() + " was removed or taken by another process: serving it again");
        try {
            server.close();
            server = serve.get();
        } catch (RuntimeException e) {
            warn.accept(e.getMessage());
        }
    }

    /** The socket the engine reaches the plugin on. */
    public Path socket() {
        return server.socket();
    }

    /**
     * Hands the socket to the fallback, which answers until an agent serves it again (see {@link AdmissionFallback}),
     * and stops serving once the fallback has it (or after {@link #HANDOVER}), so the engine never finds nobody.
     */
    @Override
    public void close() {
        synchronized (this) {
            watch.shutdownNow();
            try (OutputStream pipe = fallback.getOutputStream()) {
                pipe.write((server.inode() + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                warn.accept("the admission fallback was not told to take over: " + e.getMessage());
            }
            long end = System.nanoTime() + HANDOVER.toNanos();
            while (server.ownsSocket() && fallback.isAlive() && System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            server.close();
        }
        verdicts.close();
    }

    /** The fallback's process, which answers once this agent is gone. */
    public ProcessHandle fallback() {
        return fallback.toHandle();
    }
}
