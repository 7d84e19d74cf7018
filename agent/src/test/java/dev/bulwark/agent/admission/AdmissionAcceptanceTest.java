package dev.bulwark.agent.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.audit.AuditLog;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.agent.docker.DockerCli;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.promote.AttachedVerdict;
import dev.bulwark.scanner.promote.VerdictAttachment;
import dev.bulwark.scanner.source.RegistryRepository;
import dev.bulwark.scanner.testing.LocalRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Admission control end to end: a second dockerd started with {@code --authorization-plugin}, the agent serving
 * the plugin, images pulled from a real registry with verdicts attached as {@code bulwark promote} attaches them,
 * and the docker CLI as a user runs it. The machine's own engine is checked before and after: its bridge, its
 * iptables rules and its containers' networking are untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionAcceptanceTest {

    private static final String POLICY = """
            apiVersion: bulwark.dev/v1
            kind: Policy
            metadata: {name: admission-test}
            stages: [{name: production}]
            runtime:
              defaultMode: protect
              exec: deny
              admission:
                privileged: false
                deniedCapabilities: [SYS_ADMIN]
                hostNamespaces: false
                deniedMounts: [/var/run/docker.sock, /]
                requiredVerdict: pass
                runAsNonRoot: true
            """;

    private Path work;

    private final String plugin = "bulwark-test-" + UUID.randomUUID().toString().substring(0, 8);
    private Path root;
    private LocalRegistry registry;
    private SecondEngine engine;
    private AgentDaemon agent;
    private String hostBefore;
    private String passing;
    private String failing;
    private String otherStage;

    @BeforeAll
    void startEngineWithThePlugin() throws Exception {
        hostBefore = hostNetworking();
        root = Files.createTempDirectory(Path.of("/tmp"), "bwa");
        work = Files.createDirectories(root.resolve("work"));
        registry = LocalRegistry.start(work.resolve("registry"), work, Optional.empty());
        passing = push(DockerCli.BUSYBOX, "admit/pass:1", "pass", "production");
        failing = push("bulwark-test/go:latest", "admit/fail:1", "fail", "production");
        otherStage = push("bulwark-test/node:latest", "admit/dev-only:1", "pass", "dev");
        agent = startAgentWith("closed");
        int port = dev.bulwark.policy.text.Numbers.parseInt(registry.address().substring(registry.address().lastIndexOf(':') + 1), "the registry port");
        Path mirror = Files.writeString(work.resolve("mirror.yml"), "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n"
                + "    rootdirectory: " + work.resolve("registry") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
        engine.startBeside(work.resolve("mirror.log"), "docker-registry", "serve", mirror.toString());
        awaitMirror();
        for (String image : List.of(passing, failing, otherStage)) {
            assertThat(engine.docker("pull", image).exit()).as("pull %s", image).isZero();
        }
    }

    @Test
    @Order(1)
    void aPassingImageRunsAndSaysWhyInTheAuditLog() {
        SecondEngine.Result run = engine.docker("run", "--rm", "--network", "none", "--user", "1000", passing, "echo", "admitted");
        assertThat(run.output()).isEqualTo("admitted");
        assertThat(run.exit()).isZero();
        assertThat(admissions()).anySatisfy(entry -> {
            assertThat(entry.decision()).isEqualTo("allow");
            assertThat(entry.detail()).contains("create a container from " + passing, "verdict pass at stage production");
        });
    }

    @Test
    @Order(2)
    void privilegedIsDeniedAndTheCliShowsTheReason() {
        SecondEngine.Result run = engine.docker("run", "--rm", "--network", "none", "--user", "1000", "--privileged", passing, "true");
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("authorization denied by plugin " + plugin, "Bulwark refused create",
                "admission.privileged forbids");
        assertRefusalAudited("admission.privileged");
    }

    @Test
    @Order(3)
    void anImageWhoseVerdictIsFailIsRefused() {
        SecondEngine.Result run = engine.docker("run", "--rm", "--network", "none", "--user", "1000", failing, "true");
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("verdict fail at stage production", "admission.requiredVerdict is pass");
        assertRefusalAudited("admission.requiredVerdict");
    }

    @Test
    @Order(4)
    void anImageWithoutAVerdictForThisStageIsRefused() throws IOException {
        SecondEngine.Result otherStageRun = engine.docker("run", "--rm", "--network", "none", "--user", "1000", otherStage, "true");
        assertThat(otherStageRun.exit()).isNotZero();
        assertThat(otherStageRun.output()).contains("carries no Bulwark verdict for production");
        Path context = Files.createDirectories(work.resolve("build"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + passing + "\nLABEL built=here\n");
        SecondEngine.Result build = engine.docker("build", "-q", "-t", "local/never-gated:1", context.toString());
        assertThat(build.exit()).as(build.output()).isZero();
        SecondEngine.Result local = engine.docker("run", "--rm", "--network", "none", "--user", "1000", "local/never-gated:1", "true");
        assertThat(local.exit()).isNotZero();
        assertThat(local.output()).contains("came from no registry");
    }

    @Test
    @Order(5)
    void theDockerSocketIsRefusedHoweverItIsMounted() {
        for (List<String> mount : List.of(List.of("-v", "/var/run/docker.sock:/var/run/docker.sock"),
                List.of("-v", "/run/docker.sock:/sock"), List.of("-v", "/var/run:/host-run"),
                List.of("--mount", "type=bind,source=/var/run/docker.sock,target=/s"),
                List.of("--mount", "type=volume,target=/h,volume-driver=local,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/var/run"))) {
            List<String> command = new java.util.ArrayList<>(List.of("run", "--rm", "--network", "none", "--user", "1000"));
            command.addAll(mount);
            command.addAll(List.of(passing, "true"));
            SecondEngine.Result run = engine.docker(command.toArray(String[]::new));
            assertThat(run.exit()).as("%s", mount).isNotZero();
            assertThat(run.output()).as("%s", mount).contains("admission.deniedMounts");
        }
        SecondEngine.Result volume = engine.docker("volume", "create", "--opt", "type=none", "--opt", "o=bind", "--opt", "device=/run",
                "host-run");
        assertThat(volume.exit()).isNotZero();
        assertThat(volume.output()).contains("Bulwark refused create volume", "admission.deniedMounts");
    }

    @Test
    @Order(6)
    void rootCapabilitiesAndHostNamespacesAreRefusedAndExecsAreJudged() {
        SecondEngine.Result asRoot = engine.docker("run", "--rm", "--network", "none", passing, "true");
        assertThat(asRoot.output()).contains("admission.runAsNonRoot forbids");
        SecondEngine.Result capability = engine.docker("run", "--rm", "--network", "none", "--user", "1000", "--cap-add", "sys_admin",
                passing, "true");
        assertThat(capability.output()).contains("capability SYS_ADMIN");
        SecondEngine.Result hostPid = engine.docker("run", "--rm", "--network", "none", "--user", "1000", "--pid", "host", passing, "true");
        assertThat(hostPid.output()).contains("admission.hostNamespaces");
        String name = "admitted-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(engine.docker("run", "-d", "--name", name, "--network", "none", "--user", "1000", passing, "sleep", "60").exit()).isZero();
        try {
            SecondEngine.Result exec = engine.docker("exec", "-u", "0", name, "id");
            assertThat(exec.exit()).isNotZero();
            assertThat(exec.output()).contains("Bulwark refused exec in " + name);
        } finally {
            engine.docker("rm", "-f", name);
        }
    }

    @Test
    @Order(7)
    void requestsShapedToSlipPastAPluginAreRefused() throws IOException {
        Path socket = root.resolve("docker.sock");
        String lowercase = RawEngineCall.post(socket, "/v1.41/containers/create",
                "{\"image\":\"" + passing + "\",\"user\":\"1000\",\"hostconfig\":{\"privileged\":true,\"networkmode\":\"none\"}}");
        assertThat(lowercase).startsWith("HTTP/1.1 403").contains("admission.privileged");
        String kelvin = RawEngineCall.post(socket, "/v1.41/containers/create",
                "{\"Image\":\"" + passing + "\",\"User\":\"1000\",\"HostConfig\":{\"NetworkMode\":\"none\",\"PidMode\":\"host\"},"
                        + "\"\u212Aey\":1}");
        assertThat(kelvin).startsWith("HTTP/1.1 403").contains("admission.hostNamespaces");
        String twice = RawEngineCall.post(socket, "/v1.41/containers/create",
                "{\"Image\":\"" + passing + "\",\"User\":\"1000\",\"HostConfig\":{\"Privileged\":false,\"PRIVILEGED\":true}}");
        assertThat(twice).startsWith("HTTP/1.1 403").contains("twice");
        String escaped = RawEngineCall.post(socket, "/v1.41/containers/%63reate",
                "{\"Image\":\"" + passing + "\",\"User\":\"1000\",\"HostConfig\":{\"Privileged\":true}}");
        assertThat(escaped).startsWith("HTTP/1.1 403").contains("admission.privileged");
        String created = RawEngineCall.post(socket, "/v1.41/containers/create?name=late-config",
                "{\"Image\":\"" + passing + "\",\"User\":\"1000\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
        assertThat(created).startsWith("HTTP/1.1 201");
        try {
            String lateHostConfig = RawEngineCall.post(socket, "/v1.23/containers/late-config/start", "{\"Privileged\":true}");
            assertThat(lateHostConfig).startsWith("HTTP/1.1 403").contains("carries a host configuration");
        } finally {
            engine.docker("rm", "-f", "late-config");
        }
    }

    @Test
    @Order(8)
    void whenVerdictsCannotBeReadFailureClosedRefusesAndFailureOpenAllowsWithARecord() throws Exception {
        registry.close();
        SecondEngine.Result closed = engine.docker("run", "--rm", "--network", "none", "--user", "1000", passing, "true");
        assertThat(closed.exit()).isNotZero();
        assertThat(closed.output()).contains("was not judged", "admission.failure is closed, so it is refused");
        agent.close();
        agent = startAgentWith("open");
        SecondEngine.Result open = engine.docker("run", "--rm", "--network", "none", "--user", "1000", passing, "echo", "unjudged");
        assertThat(open.output()).isEqualTo("unjudged");
        assertThat(admissions()).anySatisfy(entry -> {
            assertThat(entry.decision()).isEqualTo("allow");
            assertThat(entry.rule()).isEqualTo("admission.failure");
            assertThat(entry.detail()).contains("admission.failure is open, so it is allowed");
        });
        SecondEngine.Result privileged = engine.docker("run", "--rm", "--network", "none", "--user", "1000", "--privileged", passing, "true");
        assertThat(privileged.output()).as("the rules still hold when only the verdict is unreadable").contains("admission.privileged");
    }

    @Test
    @Order(9)
    void whenTheAgentIsDownItsFallbackAppliesTheFailureSettingAndTheRestPasses() throws Exception {
        agent.close();
        agent = null;
        long started = System.nanoTime();
        assertThat(engine.docker("ps").exit()).as("calls admission does not judge pass while the agent is down").isZero();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
        SecondEngine.Result openRun = engine.docker("run", "--rm", "--network", "none", "--user", "1000", passing, "echo", "unguarded");
        assertThat(openRun.output()).as("the last agent ran with failure: open").isEqualTo("unguarded");
        agent = startAgentWith("closed");
        assertThat(fallbacks()).as("the fallback leaves once the agent serves the socket again").hasSize(1);
        agent.close();
        agent = null;
        SecondEngine.Result closedRun = engine.docker("run", "--rm", "--network", "none", "--user", "1000", passing, "true");
        assertThat(closedRun.exit()).isNotZero();
        assertThat(closedRun.output()).contains("the Bulwark agent is not running", "admission.failure is closed, so it is refused");
        try (AuditLog audit = AuditLog.open(work.resolve("state"))) {
            List<AuditEntry> down = audit.recent(50).stream().filter(entry -> entry.rule().equals("admission.failure")
                    && entry.detail().contains("the Bulwark agent is not running")).toList();
            assertThat(down).anySatisfy(entry -> assertThat(entry.decision()).isEqualTo("allow"));
            assertThat(down).anySatisfy(entry -> assertThat(entry.decision()).isEqualTo("block"));
        }
    }

    @Test
    @Order(10)
    void withNeitherAgentNorFallbackTheEngineRefusesEveryCallUntilTheAgentIsBack() throws Exception {
        assertThat(Path.of("/run/docker/plugins/" + plugin + ".sock")).exists();
        awaitNoFallback();
        long started = System.nanoTime();
        SecondEngine.Result down = engine.docker("ps");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(down.exit()).isNotZero();
        assertThat(down.output()).contains("plugin " + plugin + " failed with error");
        assertThat(seconds).as("the engine retries the plugin before it refuses").isBetween(5L, 90L);
        agent = startAgentWith("closed");
        assertThat(engine.docker("ps").exit()).isZero();
    }

    @AfterAll
    void stopAndCheckTheMachinesEngine() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (engine != null) {
            engine.close();
        }
        awaitNoFallback();
        if (registry != null) {
            registry.close();
        }
        for (String image : java.util.stream.Stream.of(passing, failing, otherStage).filter(java.util.Objects::nonNull).toList()) {
            DockerCommand.run("unix:///var/run/docker.sock", 60, "rmi", image);
        }
        assertThat(hostNetworking()).as("the machine's bridge and iptables rules").isEqualTo(hostBefore);
        String name = DockerCli.uniqueName("bridge-check");
        SecondEngine.Result bridged = DockerCommand.run("unix:///var/run/docker.sock", 60, "run", "--rm", "--name", name,
                DockerCli.BUSYBOX, "ip", "-4", "addr", "show", "eth0");
        assertThat(bridged.output()).as("a container of the machine's engine still gets an address on its bridge").contains("inet 172.");
        new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor(60, TimeUnit.SECONDS);
    }

    /**
     * Starts the agent; the first time also the engine, which waits for the plugin while the agent waits for it.
     */
    private AgentDaemon startAgentWith(String failure) throws Exception {
        Files.writeString(work.resolve("policy.yaml"), POLICY);
        Path config = Files.writeString(work.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n"
                + "prevention: false\ndockerHost: unix://" + root.resolve("docker.sock") + "\nadmission:\n  plugin: " + plugin
                + "\n  failure: " + failure + "\n  stage: production\n  verdictCache: 0s\n");
        CompletableFuture<AgentDaemon> starting = CompletableFuture.supplyAsync(
                () -> AgentDaemon.start(AgentConfig.load(config), Clock.systemUTC()));
        if (engine == null) {
            engine = SecondEngine.start(root, "--authorization-plugin=" + plugin);
        }
        AgentDaemon started = starting.get(90, TimeUnit.SECONDS);
        engine.awaitReady(60);
        return started;
    }

    private String push(String local, String repository, String verdict, String stage) {
        String remote = registry.address() + "/" + repository;
        SecondEngine.Result tag = DockerCommand.run("unix:///var/run/docker.sock", 60, "tag", local, remote);
        assertThat(tag.exit()).as(tag.output()).isZero();
        SecondEngine.Result push = DockerCommand.run("unix:///var/run/docker.sock", 120, "push", remote);
        assertThat(push.exit()).as(push.output()).isZero();
        ImageRef ref = ImageRef.parse(remote);
        RegistryRepository repo = RegistryRepository.of(ref, Set.of());
        VerdictAttachment.attach(repo, repo.manifest(ref.tag()), new AttachedVerdict(verdict, stage, "admission-test", "", null,
                "test", Instant.now()));
        return remote;
    }

    /** The same registry storage served on the same address inside the engine's namespace, so it can pull. */
    private void awaitMirror() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (engine.docker("pull", passing).exit() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the engine could not pull " + passing + " from the registry in its namespace");
    }

    /** Fallbacks for this test's plugin, found by their full /proc command line (the JDK's is cut at 4096 bytes). */
    private List<Long> fallbacks() throws InterruptedException {
        Thread.sleep(1000);
        String marker = String.join("\0", AdmissionFallback.class.getName(), "/run/docker/plugins", plugin, "");
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).filter(pid -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", pid.toString(), "cmdline"))).contains(marker);
            } catch (IOException exited) {
                return false;
            }
        }).toList();
    }

    /**
     * Removes the plugin socket until no fallback is left. A fallback still starting when the socket is first removed
     * binds a new one (the agent it stood for is gone), so one removal is not enough on a slow machine.
     */
    private void awaitNoFallback() throws IOException, InterruptedException {
        for (int i = 0; i < 40; i++) {
            Files.deleteIfExists(Path.of("/run/docker/plugins/" + plugin + ".sock"));
            if (fallbacks().isEmpty()) {
                break;
            }
        }
        List<Long> left = fallbacks();
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertThat(left).as("no fallback is left once its socket is gone").isEmpty();
    }

    private List<AuditEntry> admissions() {
        return agent.audit().recent(500).stream().filter(entry -> entry.mode().equals("admission")).toList();
    }

    private void assertRefusalAudited(String rule) {
        assertThat(admissions()).anySatisfy(entry -> {
            assertThat(entry.decision()).isEqualTo("block");
            assertThat(entry.response()).isEqualTo("refuse");
            assertThat(entry.rule()).isEqualTo(rule);
        });
    }

    private static String hostNetworking() throws IOException, InterruptedException {
        return run("ip", "-o", "link", "show", "docker0").replaceAll("state \\w+", "") + run("iptables-save")
                .replaceAll("(?m)^#.*$", "").replaceAll("\\[\\d+:\\d+\\]", "");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }
}
