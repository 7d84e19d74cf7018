package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.AgentDaemon;
import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.cli.BulwarkCommand;
import dev.bulwark.policy.profile.ProfileDocument;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.policy.profile.Signal;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Profiles learned in CI ship with the image (real registries, a real engine, the agent's real sensors): learned around
 * a script that starts the image from the CI registry and drives its benign endpoints, attached by the promotion to
 * the copy in a second registry, and found there by a fresh agent (empty state) on the same host, which protects a
 * container of the promoted image from its first second. A control agent that does not look for CI profiles only
 * learns the same shell.
 */
class CiProfilesTest {

    private static final String WEB = "bulwark-test/svc-pyweb:latest";
    private static final Path POLICIES = Path.of("..", "examples", "policies");
    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path temp;

    private static LocalRegistry ci;
    private static LocalRegistry prod;
    private static String built;
    private static String promoted;
    private static Path profiles;
    private static int learnExit;
    private static int promoteExit;
    private static String learnErr;
    private static String promoteErr;

    private AgentDaemon agent;
    private String container;

    @BeforeAll
    static void learnAroundTheIntegrationTestsAndPromoteWithTheProfile() throws IOException {
        ci = LocalRegistry.start(temp.resolve("ci-storage"), temp, Optional.empty());
        prod = LocalRegistry.start(temp.resolve("prod-storage"), temp, Optional.empty());
        built = ci.address() + "/shop/web:1";
        promoted = prod.address() + "/shop/web:1";
        Containers.exec(List.of("docker", "tag", WEB, built));
        Containers.exec(List.of("docker", "push", "--quiet", built));
        Path db = temp.resolve("osv.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(db, List.of(Corpora.corpus("osv-ghsa/npm").toString()));
        Path policy = Files.writeString(temp.resolve("runtime.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1",
                "kind: Policy", "metadata: {name: ci-profiles}", "stages: [{name: production}]", "runtime:",
                "  defaultMode: protect", "  responses: [stop]", "  learning: {fromCi: protect}", ""));
        Path script = temp.resolve("integration-tests.sh");
        Files.copy(Path.of("src", "test", "resources", "ci-profiles", "integration-tests.sh"), script);
        profiles = temp.resolve("reviewed").resolve("bulwark-profiles.yaml");

        StringWriter err = new StringWriter();
        learnExit = bulwark(new StringWriter(), err, "profile", "learn", "--config", agentConfig("learning", policy, true).toString(),
                "--image", built, "-o", profiles.toString(), "--", "bash", script.toString(), built, "ci-it-" + UUID.randomUUID());
        learnErr = err.toString();
        err = new StringWriter();
        promoteExit = bulwark(new StringWriter(), err, "promote", built, promoted, "--policy", POLICIES.resolve("dev-lenient.yaml").toString(),
                "--stage", "dev", "--db", db.toString(), "--no-cache", "--format", "json", "--profile", profiles.toString());
        promoteErr = err.toString();
        Containers.exec(List.of("docker", "pull", "--quiet", promoted));
    }

    @AfterAll
    static void stopRegistries() {
        ci.close();
        prod.close();
        Containers.exec(List.of("docker", "rmi", built, promoted));
    }

    @AfterEach
    void stopAgentAndContainer() {
        if (agent != null) {
            agent.close();
        }
        if (container != null) {
            Containers.exec(List.of("docker", "rm", "-f", container));
        }
    }

    @Test
    void theProfileNamesWhatTheTestsExercisedAndTravelsWithThePromotedImage() throws IOException {
        assertThat(learnExit).as(learnErr).isZero();
        System.out.println("[ci-profiles] learned in CI:\n" + Files.readString(profiles));
        assertThat(learnErr).contains("the command exited with 0");
        byte[] yaml = Files.readAllBytes(profiles);
        List<ProfileDocument> documents = ProfileDocuments.readAll(profiles.toString(), yaml);
        String imageId = Containers.exec(List.of("docker", "image", "inspect", "-f", "{{.Id}}", built)).strip();
        assertThat(documents).singleElement().satisfies(document -> {
            assertThat(document.metadata().image()).isEqualTo(imageId);
            assertThat(document.metadata().source()).isEqualTo(ProfileDocuments.CI);
            assertThat(document.runtime().rules().allowedExecutables()).contains("/usr/bin/date")
                    .anyMatch(program -> program.startsWith("/usr/bin/python3"))
                    .noneMatch(program -> program.endsWith("/sh") || program.endsWith("/dash") || program.endsWith("/bash"));
            assertThat(document.runtime().rules().listeningPorts()).contains(8000);
            assertThat(document.exercised().get("executables")).containsKey("/usr/bin/date");
        });

        assertThat(promoteExit).as(promoteErr).isZero();
        assertThat(promoteErr).contains("profiles as sha256-");
        StringWriter out = new StringWriter();
        assertThat(bulwark(out, new StringWriter(), "profile", "pull", promoted)).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(profiles));
    }

    @Test
    void aPromotionRefusesProfilesOfAnotherImageBeforePushingAnything() throws IOException {
        String other = Containers.exec(List.of("docker", "image", "inspect", "-f", "{{.Id}}", "bulwark-test/busybox:latest")).strip();
        String imageId = Containers.exec(List.of("docker", "image", "inspect", "-f", "{{.Id}}", built)).strip();
        Path foreign = Files.writeString(temp.resolve("foreign-profiles.yaml"), Files.readString(profiles).replace(imageId, other));
        String destination = prod.address() + "/shop/foreign:1";
        StringWriter err = new StringWriter();

        int exit = bulwark(new StringWriter(), err, "promote", built, destination, "--policy",
                POLICIES.resolve("dev-lenient.yaml").toString(), "--stage", "dev", "--no-cache", "--profile", foreign.toString());

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("its profile of " + other, "is not of " + built, "learn the profile from the image being promoted");
        StringWriter missing = new StringWriter();
        assertThat(bulwark(new StringWriter(), missing, "verdict", destination)).as("nothing was pushed").isNotZero();
        assertThat(missing.toString()).contains("404");
    }

    @Test
    void aFreshAgentProtectsThePromotedImageFromItsFirstSecond() throws Exception {
        Path state = temp.resolve("fresh-" + UUID.randomUUID());
        agent = AgentDaemon.start(AgentConfig.load(agentConfig(state.getFileName().toString(), temp.resolve("runtime.yaml"), true)),
                Clock.systemUTC());
        container = Containers.exec(List.of("docker", "run", "-d", "--name", "ci-prod-" + UUID.randomUUID(), promoted)).strip();
        String ip = healthy(container);

        Instant startedAt = Instant.parse(Containers.exec(List.of("docker", "inspect", "-f", "{{.State.StartedAt}}", container)).strip());
        benignTraffic(ip);
        List<AuditEntry> beforeAttack = agent.audit().forContainer(container).stream()
                .filter(entry -> !entry.decision().equals("gap")).toList(); // a sensor's gap is not a judgement
        assertThat(beforeAttack).as("only where the profile came from, no alert or block on benign traffic").singleElement()
                .satisfies(entry -> {
                    assertThat(entry.decision()).isEqualTo("profile");
                    assertThat(entry.detail()).contains("ci: " + prod.address() + "/shop/web@sha256:");
                    Duration fromStart = Duration.between(startedAt, entry.at());
                    System.out.println("[ci-profiles] the profile from CI was in use " + fromStart.toMillis()
                            + " ms after the container started");
                    assertThat(fromStart).isLessThan(Duration.ofSeconds(5));
                });

        long attacked = System.nanoTime();
        shellThroughTheService(ip);
        await(() -> !running(container) && blocks(container) > 0, () -> "audit: " + agent.audit().forContainer(container));
        System.out.println("[ci-profiles] a fresh agent stopped the shell's container " + Duration.ofNanos(System.nanoTime() - attacked)
                .toMillis() + " ms after the request: " + agent.audit().forContainer(container).stream()
                .filter(entry -> entry.decision().equals("block")).findFirst().map(AuditEntry::detail).orElse(""));
        assertThat(agent.audit().forContainer(container)).filteredOn(entry -> entry.decision().equals("block")).first()
                .satisfies(block -> {
                    assertThat(block.rule()).isEqualTo("profile");
                    assertThat(block.response()).isEqualTo("stop");
                    assertThat(block.detail()).containsPattern("ran /usr/bin/(dash|sh), a program it never ran"
                            + "|started a shell \\(/usr/bin/(dash|sh)\\)");
                });
        agent.close(); // saves the profiles in use
        agent = null;
        assertThat(ProfileStore.open(state).all()).singleElement()
                .satisfies(profile -> assertThat(profile.source()).startsWith("ci: " + prod.address()));
    }

    @Test
    void takenAsConvergedTheCiProfileLetsTheExecGuardRefuseTheShellBeforeItRuns() throws Exception {
        Path policy = Files.writeString(temp.resolve("converged.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1",
                "kind: Policy", "metadata: {name: ci-converged}", "stages: [{name: production}]", "runtime:",
                "  defaultMode: protect", "  responses: [stop]", "  learning: {fromCi: protect, learnOnTopOfCi: false}", ""));
        Path state = temp.resolve("guarded-" + UUID.randomUUID());
        Path config = Files.writeString(temp.resolve(state.getFileName() + ".agent.yaml"), "policy: " + policy.getFileName()
                + "\nstateDir: " + state.getFileName() + "\nmetricsPort: 0\nprevention: true\n");
        agent = AgentDaemon.start(AgentConfig.load(config), Clock.systemUTC());
        container = Containers.exec(List.of("docker", "run", "-d", "--name", "ci-guarded-" + UUID.randomUUID(), promoted)).strip();
        String ip = healthy(container);
        await(() -> agent.guarded().contains(container), () -> "the exec guard never marked the container: " + agent.guarded());

        benignTraffic(ip);
        assertThat(blocks(container)).as("benign traffic under the converged CI profile").isZero();
        shellThroughTheService(ip);

        await(() -> agent.audit().forContainer(container).stream().anyMatch(entry -> entry.response().equals("prevent")),
                () -> "audit: " + agent.audit().forContainer(container));
        assertThat(agent.audit().forContainer(container)).filteredOn(entry -> entry.response().equals("prevent")).first()
                .satisfies(refused -> assertThat(refused.detail()).contains("dash").contains("prevented"));
        benignTraffic(ip); // the service itself goes on answering
        System.out.println("[ci-profiles] converged from CI with the exec guard: " + agent.audit().forContainer(container).stream()
                .filter(entry -> entry.response().equals("prevent")).findFirst().map(AuditEntry::detail).orElse("") + "; "
                + agent.audit().forContainer(container).stream().filter(entry -> entry.decision().equals("alert")).count()
                + " alerts on the held-out benign traffic");
    }

    @Test
    void anAgentThatDoesNotLookForCiProfilesOnlyLearnsTheSameShell() throws Exception {
        Path state = temp.resolve("control-" + UUID.randomUUID());
        agent = AgentDaemon.start(AgentConfig.load(agentConfig(state.getFileName().toString(), temp.resolve("runtime.yaml"), false)),
                Clock.systemUTC());
        container = Containers.exec(List.of("docker", "run", "-d", "--name", "ci-control-" + UUID.randomUUID(), promoted)).strip();
        String ip = healthy(container);

        benignTraffic(ip);
        shellThroughTheService(ip);
        Thread.sleep(5_000);

        assertThat(running(container)).as("the control's container runs on").isTrue();
        assertThat(agent.audit().forContainer(container)).noneMatch(entry -> entry.decision().equals("block")
                || entry.decision().equals("profile"));
        agent.close(); // saves the profiles in use
        agent = null;
        assertThat(ProfileStore.open(state).all()).singleElement().satisfies(profile -> {
            assertThat(profile.source()).isEmpty();
            assertThat(profile.items(Signal.EXECUTABLES).keySet()).as("the shell, learned").anyMatch(program -> program.endsWith("/dash"));
        });
    }

    @Test
    void aHostThatCannotReachTheRegistryLearnsTheImageAsWithoutOne() throws Exception {
        String image = pushedToAClosedRegistry("gone"); // its only repository digest names a registry that refuses connections
        Path state = temp.resolve("unreachable-" + UUID.randomUUID());
        agent = AgentDaemon.start(AgentConfig.load(agentConfig(state.getFileName().toString(), temp.resolve("runtime.yaml"), true)),
                Clock.systemUTC());
        try {
            long started = System.nanoTime();
            container = Containers.exec(List.of("docker", "run", "-d", "--network", "none", "--name", "ci-gone-" + UUID.randomUUID(),
                    image, "sleep", "600")).strip();

            await(() -> !ProfileStore.open(state).all().isEmpty(), () -> "no profile learned for " + image);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(ProfileStore.open(state).all()).singleElement().satisfies(profile -> {
                assertThat(profile.source()).isEmpty();
                assertThat(dev.bulwark.policy.profile.ProfileDocuments.status(profile)).isEqualTo("learning");
            });
            assertThat(running(container)).isTrue();
            assertThat(agent.audit().forContainer(container)).noneMatch(entry -> entry.decision().equals("profile"));
            System.out.println("[ci-profiles] unreachable registry: a profile learned here, in the store " + took.toMillis()
                    + " ms after the container started (profiles are saved every 10 s)");
        } finally {
            Containers.exec(List.of("docker", "rm", "-f", container));
            container = null;
            Containers.exec(List.of("docker", "rmi", image));
        }
    }

    @Test
    void aRegistryThatNeverAnswersHoldsUpNoOtherImageAndItsOwnNoLongerThanTheWait() throws Exception {
        String image = pushedToAClosedRegistry("stalling");
        int port = Integer.parseInt(image.substring(image.indexOf(':') + 1, image.indexOf('/')));
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress(port)); // accepts, then never answers: the image's registry, blackholed
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    System.out.println("[ci-profiles] the silent registry stopped accepting: " + closed.getMessage());
                }
            }, "silent-registry");
            acceptor.setDaemon(true);
            acceptor.start();
            Path policy = Files.writeString(temp.resolve("stall.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1",
                    "kind: Policy", "metadata: {name: stall}", "stages: [{name: production}]", "runtime:",
                    "  defaultMode: protect", "  responses: [stop]", "  rules: {deniedExecutables: ['**/sh', '**/dash']}",
                    "  learning: {fromCi: protect}", ""));
            Path state = temp.resolve("stall-" + UUID.randomUUID());
            agent = AgentDaemon.start(AgentConfig.load(agentConfig(state.getFileName().toString(), policy, true)), Clock.systemUTC());
            String stalled = Containers.exec(List.of("docker", "run", "-d", "--network", "none", "--name",
                    "ci-stalled-" + UUID.randomUUID(), image, "sleep", "600")).strip();
            container = Containers.exec(List.of("docker", "run", "-d", "--network", "none", "--name",
                    "ci-other-" + UUID.randomUUID(), "bulwark-test/debian:latest", "sleep", "600")).strip();
            try {
                long exec = System.nanoTime();
                new ProcessBuilder("docker", "exec", container, "/bin/sh", "-c", "sleep 5").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                await(() -> !running(container), () -> "the other image's container was not stopped: "
                        + agent.audit().forContainer(container));
                Duration otherStopped = Duration.ofNanos(System.nanoTime() - exec);
                assertThat(otherStopped).as("another image's shell, judged while the lookup hangs").isLessThan(Duration.ofSeconds(5));

                await(() -> ProfileStore.open(state).all().stream().anyMatch(profile -> profile.key().image()
                        .equals(Containers.exec(List.of("docker", "image", "inspect", "-f", "{{.Id}}", image)).strip())),
                        () -> "the stalled image was never learned here");
                assertThat(held).as("the agent asked the silent registry").isNotEmpty();
                assertThat(running(stalled)).isTrue();
                System.out.println("[ci-profiles] silent registry: another image's shell stopped after " + otherStopped.toMillis()
                        + " ms while the lookup hung; the stalled image learned here");
            } finally {
                Containers.exec(List.of("docker", "rm", "-f", stalled));
                Containers.exec(List.of("docker", "rmi", image));
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /** Busybox pushed to a registry of its own that is then stopped: the image's only repository digest names it. */
    private static String pushedToAClosedRegistry(String name) {
        LocalRegistry registry = LocalRegistry.start(temp.resolve(name + "-storage"), temp, Optional.empty());
        String image = registry.address() + "/shop/" + name + ":1";
        Containers.exec(List.of("docker", "tag", "bulwark-test/busybox:latest", image));
        Containers.exec(List.of("docker", "push", "--quiet", image));
        registry.close();
        return image;
    }

    private static Path agentConfig(String stateDir, Path policy, boolean ciProfiles) throws IOException {
        return Files.writeString(temp.resolve(stateDir + ".agent.yaml"), "policy: " + policy.getFileName() + "\nstateDir: "
                + stateDir + "\nmetricsPort: 0\nprevention: false\nciProfiles: " + ciProfiles + "\n");
    }

    private static int bulwark(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = BulwarkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String healthy(String id) throws InterruptedException {
        await(() -> Containers.exec(List.of("docker", "inspect", "-f", "{{.State.Health.Status}}", id)).strip().equals("healthy"),
                () -> "container " + id + " never became healthy");
        return Containers.exec(List.of("docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", id)).strip();
    }

    private static void benignTraffic(String ip) throws IOException, InterruptedException {
        for (int round = 0; round < 10; round++) {
            for (String path : List.of("/", "/api/time", "/api/status", "/health")) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":8000" + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
            Thread.sleep(300);
        }
    }

    /** What a compromised service does: the vulnerable endpoint runs a shell (no response is expected to matter). */
    private static void shellThroughTheService(String ip) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":8000/debug")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"exec\",\"argv\":[\"/bin/sh\",\"-c\",\"id; sleep 3\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the container may be stopped while the shell runs: the connection then ends without an answer
            System.out.println("[ci-profiles] the attack's request ended without an answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long blocks(String id) {
        return agent.audit().forContainer(id).stream().filter(entry -> entry.decision().equals("block")).count();
    }

    private static boolean running(String id) {
        return Containers.exec(List.of("docker", "inspect", "-f", "{{.State.Running}}", id)).strip().equals("true");
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + AT_MOST.toSeconds() + " s: " + what.get());
            }
            Thread.sleep(200);
        }
    }
}
