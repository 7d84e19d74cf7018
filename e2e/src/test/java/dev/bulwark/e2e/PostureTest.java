package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.agent.daemon.RunningReport;
import dev.bulwark.agent.docker.ContainerView;
import dev.bulwark.cli.BulwarkCommand;
import dev.bulwark.notify.Notifier;
import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.notify.outbox.OutboxMessage;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.source.RegistryRepository;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import dev.bulwark.store.posture.LocalPostgres;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureQueries;
import dev.bulwark.store.posture.PostureRows.Change;
import dev.bulwark.store.posture.PostureRows.Running;
import dev.bulwark.store.posture.PostureRows.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Continuous posture, end to end: real images in a real registry are gated (their inventories and verdicts stored by
 * two gates at once while an agent reports what runs on two hosts), then the registry is gone and a second, generated
 * database with new advisories arrives. The refresh must turn exactly the images those advisories affect (checked
 * against dpkg inside the images and the npm lock file, not against the store) and queue one notification per change,
 * in an SQLite file and in PostgreSQL alike.
 */
class PostureTest {

    private static final List<String> IMAGES = List.of("debian", "debian-pkgs", "node", "busybox");
    private static final String LIBXML2_FIXED = "+posture1";

    @TempDir
    static Path temp;

    private static LocalPostgres postgres;
    private static Path before;
    private static Path after;
    private static Path policy;
    private static final Map<String, String> IDS = new TreeMap<>();
    private static final List<String> CONTAINERS = new ArrayList<>();

    @BeforeAll
    static void databasesPolicyAndContainers() throws IOException {
        postgres = LocalPostgres.start(temp);
        for (String image : IMAGES) {
            IDS.put(image, Containers.exec(List.of("docker", "image", "inspect", "-f", "{{.Id}}", "bulwark-test/" + image + ":latest")).strip());
        }
        String libxml2 = Containers.run("bulwark-test/debian-pkgs:latest", "dpkg-query", "-W", "-f", "${Version}", "libxml2").strip();
        String glibc = Containers.run("bulwark-test/debian-pkgs:latest", "dpkg-query", "-W", "-f", "${Version}", "libc6").strip();
        Path first = Files.createDirectories(temp.resolve("osv-before"));
        Path second = Files.createDirectories(temp.resolve("osv-after"));
        Files.writeString(first.resolve("unrelated.json"), advisory("GHSA-0000-0000-0001", "npm", "left-pad-posture", "SEMVER", "9.0.0", HIGH));
        Files.copy(first.resolve("unrelated.json"), second.resolve("unrelated.json"));
        // Fails the gate's stage (high): libxml2 of debian-pkgs, lodash 4.17.20 of node.
        Files.writeString(second.resolve("libxml2.json"), advisory("DEBIAN-CVE-2099-0001", "Debian:12", "libxml2", "ECOSYSTEM",
                libxml2 + LIBXML2_FIXED, HIGH));
        Files.writeString(second.resolve("lodash.json"), advisory("GHSA-0000-0000-0002", "npm", "lodash", "SEMVER", "4.17.99", HIGH));
        // Medium: a new finding in both Debian images that turns no verdict.
        Files.writeString(second.resolve("glibc.json"), advisory("DEBIAN-CVE-2099-0003", "Debian:12", "glibc", "ECOSYSTEM",
                glibc + LIBXML2_FIXED, MEDIUM));
        // Fixed long before what is installed: affects nothing.
        Files.writeString(second.resolve("old-libxml2.json"), advisory("DEBIAN-CVE-2001-0004", "Debian:12", "libxml2", "ECOSYSTEM",
                "2.0.0-1", HIGH));
        before = temp.resolve("before.db");
        after = temp.resolve("after.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(before, List.of(first.toString()));
        new DbUpdater(Clock.systemUTC(), line -> { }).update(after, List.of(second.toString()));
        Path email = Files.writeString(temp.resolve("jira-email"), "bulwark@example.com\n");
        Path token = Files.writeString(temp.resolve("jira-token"), "posture-token\n");
        Path webhook = Files.writeString(temp.resolve("slack-webhook"), "http://127.0.0.1:1/services/T000/B000/posture\n");
        policy = Files.writeString(temp.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: posture}", "stages:", "  - name: production", "    gate:", "      severity: {fail: high}",
                "notify:", "  slack: {webhookUrlFile: " + webhook + "}",
                "  jira: {url: 'http://127.0.0.1:1', flavour: cloud, project: SEC, emailFile: " + email + ", apiTokenFile: " + token + "}",
                ""));
        for (String image : List.of("debian-pkgs", "debian-pkgs", "node")) {
            CONTAINERS.add(Containers.exec(List.of("docker", "run", "-d", "--network", "none", "bulwark-test/" + image + ":latest",
                    "sleep", "600")).strip());
        }
    }

    @AfterAll
    static void stop() {
        if (!CONTAINERS.isEmpty()) {
            List<String> remove = new ArrayList<>(List.of("docker", "rm", "-f"));
            remove.addAll(CONTAINERS);
            Containers.exec(remove);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aNewDatabaseTurnsExactlyTheAffectedImagesAndQueuesOneNotificationPerChange(String kind) throws Exception {
        String store = kind.equals("postgresql") ? postgres.newDatabase() : temp.resolve("posture-" + kind + ".db").toString();
        Path outbox = temp.resolve("outbox-" + kind + ".db");
        LocalRegistry registry = LocalRegistry.start(temp.resolve("registry-" + kind), temp, java.util.Optional.empty());
        Map<String, String> pushed = new TreeMap<>();
        for (String image : IMAGES) {
            String target = registry.address() + "/team/" + image + ":1";
            Containers.exec(List.of("docker", "tag", "bulwark-test/" + image + ":latest", target));
            Containers.exec(List.of("docker", "push", "--quiet", target));
            Containers.exec(List.of("docker", "rmi", target));
            pushed.put(image, target);
        }

        // Three writers at once: two gates, and an agent reporting two hosts again and again.
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<List<Integer>>> gates = List.of(
                writers.submit(() -> List.of(gate(pushed.get("debian"), store), gate(pushed.get("debian-pkgs"), store))),
                writers.submit(() -> List.of(gate(pushed.get("node"), store), gate(pushed.get("busybox"), store))));
        Future<Integer> agent = writers.submit(() -> agentReports(store));
        for (Future<List<Integer>> gate : gates) {
            assertThat(gate.get(10, TimeUnit.MINUTES)).containsOnly(0);
        }
        assertThat(agent.get(10, TimeUnit.MINUTES)).isEqualTo(2 * 10);
        writers.shutdown();
        try (PostureDatabase database = PostureDatabase.open(store)) {
            PostureQueries read = new PostureQueries(database);
            assertThat(read.images()).extracting(image -> image.digest()).containsExactlyInAnyOrderElementsOf(IDS.values());
            assertThat(read.verdicts()).hasSize(IMAGES.size()).extracting(Verdict::verdict).containsOnly("pass");
            assertThat(read.running()).extracting(r -> r.host() + " " + r.digest() + " " + r.containers()).containsExactlyInAnyOrder(
                    "host-a " + IDS.get("debian-pkgs") + " 2", "host-a " + IDS.get("node") + " 1",
                    "host-b " + IDS.get("debian-pkgs") + " 2", "host-b " + IDS.get("node") + " 1");
        }

        // No layer can be read any more: the registry the images were scanned from is gone.
        registry.close();
        assertThatThrownBy(() -> RegistryRepository.of(ImageRef.parse(pushed.get("node")), Set.of()).manifest("1"))
                .isInstanceOf(RuntimeException.class);

        StringWriter refreshed = new StringWriter();
        assertThat(cli(refreshed, "posture", "refresh", "--posture", store, "--db", after.toString(), "--policy", policy.toString(),
                "--outbox", outbox.toString())).isZero();
        assertThat(refreshed.toString()).contains("4 images, 4 verdicts judged again");

        // Independent of the store: which images hold the affected packages, by dpkg and by the npm lock file.
        Set<String> withLibxml2 = IMAGES.stream().filter(image -> image.startsWith("debian"))
                .filter(image -> Containers.run("bulwark-test/" + image + ":latest", "sh", "-c", "dpkg-query -W -f '${db:Status-Status}' libxml2 2>/dev/null || true")
                        .strip().equals("installed")).collect(Collectors.toSet());
        assertThat(withLibxml2).containsExactly("debian-pkgs");
        assertThat(Containers.run("bulwark-test/node:latest", "cat", "/app/package-lock.json"))
                .containsPattern("\"node_modules/lodash\":\\s*\\{\\s*\"version\":\\s*\"4\\.17\\.20\"");
        Set<String> failing = Set.of(IDS.get("debian-pkgs"), IDS.get("node"));

        try (PostureDatabase database = PostureDatabase.open(store)) {
            PostureQueries read = new PostureQueries(database);
            assertThat(read.verdicts()).allSatisfy(verdict -> assertThat(verdict.verdict())
                    .isEqualTo(failing.contains(verdict.digest()) ? "fail" : "pass"));
            List<Change> changes = read.changes();
            assertThat(changes.stream().filter(c -> c.kind().equals("verdict")).map(c -> c.digest() + " " + c.subject()))
                    .containsExactlyInAnyOrder(IDS.get("debian-pkgs") + " pass->fail", IDS.get("node") + " pass->fail");
            assertThat(changes.stream().filter(c -> c.kind().equals("affected")).map(c -> c.digest() + " " + c.subject().split(" ")[0])
                    .collect(Collectors.toSet())).containsExactlyInAnyOrder(IDS.get("debian-pkgs") + " DEBIAN-CVE-2099-0001", IDS.get("debian-pkgs") + " DEBIAN-CVE-2099-0003",
                            IDS.get("debian") + " DEBIAN-CVE-2099-0003", IDS.get("node") + " GHSA-0000-0000-0002");
            assertThat(read.trend()).extracting(point -> point.repository()).doesNotHaveDuplicates();
        }
        // One ticket sync per changed image (three: two turned, one with a new medium finding), one Slack summary.
        assertThat(queued(outbox, Notifier.JIRA)).hasSize(3);
        List<OutboxMessage> slack = queued(outbox, Notifier.SLACK);
        assertThat(slack).hasSize(1);
        assertThat(slack.get(0).payloadJson()).contains("URGENT").contains("host-a, host-b").contains("team/debian-pkgs");

        // The same database again changes nothing and queues nothing.
        assertThat(cli(new StringWriter(), "posture", "refresh", "--posture", store, "--db", after.toString(), "--policy",
                policy.toString(), "--outbox", outbox.toString())).isZero();
        assertThat(queued(outbox, Notifier.JIRA)).hasSize(3);
        assertThat(queued(outbox, Notifier.SLACK)).hasSize(1);

        // On a schedule: two rounds a second apart, the database as it is; a bad interval is refused.
        StringWriter watched = new StringWriter();
        assertThat(cli(watched, "posture", "watch", "--posture", store, "--db", after.toString(), "--policy", policy.toString(),
                "--outbox", outbox.toString(), "--no-update", "--interval", "1s", "--times", "2")).isZero();
        assertThat(watched.toString().split("refreshed ", -1)).hasSize(3);
        assertThat(watched.toString()).contains("0 changed");
        assertThat(BulwarkCommand.commandLine().setErr(new PrintWriter(new StringWriter())).execute("posture", "watch", "--posture", store,
                "--policy", policy.toString(), "--interval", "6x")).isEqualTo(2);

        StringWriter shown = new StringWriter();
        assertThat(cli(shown, "posture", "--posture", store, "--format", "json")).isZero();
        JsonNode first = new ObjectMapper().readTree(shown.toString()).get("images").get(0);
        assertThat(first.get("digest").asText()).isEqualTo(IDS.get("debian-pkgs"));
        assertThat(first.get("verdict").asText()).isEqualTo("fail");
        assertThat(first.get("advice").get(0).asText()).startsWith("Upgrade libxml2");
        Path page = temp.resolve("posture-" + kind + ".html");
        assertThat(cli(new StringWriter(), "posture", "--posture", store, "--format", "html", "--output", page.toString())).isZero();
        assertThat(Files.readString(page)).contains("<svg").contains("team/node").contains("running");
    }

    private static List<OutboxMessage> queued(Path outbox, String channel) {
        try (Outbox queue = Outbox.open(outbox)) {
            List<OutboxMessage> all = new ArrayList<>(queue.pending());
            all.addAll(queue.failed());
            return all.stream().filter(message -> message.channel().equals(channel)).toList();
        }
    }

    private static int gate(String image, String store) {
        return cli(new StringWriter(), "gate", image, "--policy", policy.toString(), "--stage", "production", "--db", before.toString(),
                "--no-cache", "--no-notify", "--posture", store, "--format", "json");
    }

    /** The agent's report, from a real view of the engine's containers, written for two hosts ten times each. */
    private static int agentReports(String store) {
        int written = 0;
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             RunningReport hostA = new RunningReport(store, "host-a", message -> { });
             RunningReport hostB = new RunningReport(store, "host-b", message -> { })) {
            ContainerView view = new ContainerView(engine.client());
            view.resync();
            for (int round = 0; round < 10; round++) {
                var running = view.all().stream().filter(info -> CONTAINERS.contains(info.id())).toList();
                written += hostA.report(running, Instant.now()) ? 1 : 0;
                written += hostB.report(running, Instant.now()) ? 1 : 0;
            }
        }
        return written;
    }

    private static int cli(StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = BulwarkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        if (code != 0 && code != 1) {
            throw new AssertionError(String.join(" ", args) + " exited " + code + ": " + err);
        }
        return code;
    }

    private static final String HIGH = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N";
    private static final String MEDIUM = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N";

    private static String advisory(String id, String ecosystem, String name, String rangeType, String fixed, String cvss) {
        return "{\"schema_version\":\"1.6.0\",\"id\":\"" + id + "\",\"modified\":\"2026-11-02T00:00:00Z\","
                + "\"published\":\"2026-11-02T00:00:00Z\",\"summary\":\"generated for the posture test\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"" + ecosystem + "\",\"name\":\"" + name + "\"},\"ranges\":[{\"type\":\"" + rangeType
                + "\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"" + fixed + "\"}]}]}],\"severity\":[{\"type\":\"CVSS_V3\","
                + "\"score\":\"" + cvss + "\"}]}";
    }
}
