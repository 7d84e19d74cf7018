package dev.bulwark.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.testing.OsvExports;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import dev.bulwark.scanner.testing.TokenIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulwark command, run as a process with the environment a CI agent behind a proxy has, against real
 * registries (token service with enforced scopes, htpasswd with a credential helper), WireMock as the forward
 * proxy, a flaky registry front, an OSV mirror and Slack.
 */
class RealNetworksTest {

    private static final Path JAR = Path.of("..", "cli", "target", "bulwark.jar").toAbsolutePath();
    private static final Path POLICIES = Path.of("..", "examples", "policies").toAbsolutePath();

    @TempDir
    static Path shared;

    private static Path db;

    @TempDir
    Path temp;

    private final WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").enableBrowserProxying(true));
    private final Map<String, String> env = new HashMap<>();
    private String out = "";
    private String err = "";

    @BeforeAll
    static void buildTheDatabase() throws Exception {
        assertThat(JAR).as("the CLI jar: ./mvnw package -pl cli -am first").exists();
        db = shared.resolve("osv.db");
        Process build = new ProcessBuilder("java", "-jar", JAR.toString(), "db", "update", "--db", db.toString(), "--source",
                Corpora.corpus("osv-ghsa/npm").toString()).redirectErrorStream(true).start();
        assertThat(build.waitFor(120, TimeUnit.SECONDS) && build.exitValue() == 0).isTrue();
    }

    @BeforeEach
    void startTheProxy() throws IOException {
        proxy.start();
        env.put("DOCKER_CONFIG", Files.createDirectories(temp.resolve("docker")).toString());
        env.put("XDG_CACHE_HOME", temp.resolve("cache").toString());
    }

    @AfterEach
    void stopTheProxy() {
        proxy.stop();
    }

    private int bulwark(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.toLowerCase().endsWith("_proxy"));
        builder.environment().putAll(env);
        builder.redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("bulwark " + String.join(" ", args) + " finished").isTrue();
        out = Files.readString(temp.resolve("out.txt"));
        err = Files.readString(temp.resolve("err.txt"));
        return process.exitValue();
    }

    private static void push(String target) {
        Containers.exec(List.of("docker", "tag", "bulwark-test/busybox:latest", target));
        Containers.exec(List.of("docker", "push", "--quiet", target));
        Containers.exec(List.of("docker", "rmi", target));
    }

    private void dockerConfig(String json) throws IOException {
        Files.writeString(Path.of(env.get("DOCKER_CONFIG")).resolve("config.json"), json);
    }

    private static String auth(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void promotesBetweenTwoTokenAuthRegistriesAskingForEachScopeAndMountsWithinOne() throws Exception {
        Path devStorage = temp.resolve("dev");
        try (LocalRegistry open = LocalRegistry.start(devStorage, temp, Optional.empty())) {
            push(open.address() + "/team/app:1");
        }
        try (TokenIssuer issuer = TokenIssuer.start(temp, "ci", "s3cret");
             LocalRegistry dev = LocalRegistry.startWithTokens(devStorage, temp, issuer.realm(), issuer.writeCertificate(temp.resolve("ca.pem")));
             LocalRegistry prod = LocalRegistry.startWithTokens(temp.resolve("prod"), temp, issuer.realm(), temp.resolve("ca.pem"))) {
            dockerConfig("{\"auths\": {\"" + dev.address() + "\": {\"auth\": \"" + auth("ci", "s3cret") + "\"}, \""
                    + prod.address() + "\": {\"auth\": \"" + auth("ci", "s3cret") + "\"}}}");
            String[] judge = {"--policy", POLICIES.resolve("dev-lenient.yaml").toString(), "--stage", "dev", "--db", db.toString(), "--no-cache"};

            int across = bulwark(concat(new String[] {"promote", dev.address() + "/team/app:1", prod.address() + "/team/app:1"}, judge));
            String acrossLog = err;
            int within = bulwark(concat(new String[] {"promote", dev.address() + "/team/app:1", dev.address() + "/prod/app:1"}, judge));

            assertThat(across).as(acrossLog).isZero();
            assertThat(acrossLog).contains("promoted to " + prod.address() + "/team/app:1");
            assertThat(within).as(err).isZero();
            assertThat(err).containsPattern("0 blobs copied, [1-9]\\d* mounted");
            assertThat(issuer.scopes()).contains("repository:team/app:pull")
                    .anySatisfy(scope -> assertThat(scope).matches(".*repository:team/app:(pull,push|push,pull).*"))
                    .anySatisfy(scope -> assertThat(scope).matches(".*repository:prod/app:(pull,push|push,pull).*")
                            .contains("repository:team/app:pull"));
        }
    }

    @Test
    void takesTheCredentialsOfAHelperOnThePath() throws Exception {
        Path htpasswd = temp.resolve("htpasswd");
        Files.writeString(htpasswd, Containers.exec(List.of("htpasswd", "-Bbn", "ci", "s3cret")));
        try (LocalRegistry open = LocalRegistry.start(temp.resolve("storage"), temp, Optional.empty())) {
            push(open.address() + "/team/app:1");
        }
        try (LocalRegistry guarded = LocalRegistry.start(temp.resolve("storage"), temp, Optional.of(htpasswd))) {
            Path bin = Files.createDirectories(temp.resolve("bin"));
            Path helper = bin.resolve("docker-credential-bulwarktest");
            Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 1\nread server\n[ \"$server\" = \"" + guarded.address()
                    + "\" ] || { echo 'credentials not found in native keychain'; exit 1; }\n"
                    + "echo '{\"ServerURL\":\"'\"$server\"'\",\"Username\":\"ci\",\"Secret\":\"s3cret\"}'\n");
            Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
            dockerConfig("{\"credHelpers\": {\"" + guarded.address() + "\": \"bulwarktest\"}}");

            int missing = bulwark("sbom", "registry:" + guarded.address() + "/team/app:1");
            String missingLog = err;
            env.put("PATH", bin + ":" + System.getenv("PATH"));
            int found = bulwark("sbom", "registry:" + guarded.address() + "/team/app:1");

            assertThat(missing).isEqualTo(3);
            assertThat(missingLog).contains("docker-credential-bulwarktest", "not on the PATH");
            assertThat(found).as(err).isZero();
            assertThat(out).contains("/team/app:1 (sha256:").doesNotContain("s3cret");
            assertThat(err).doesNotContain("s3cret");
        }
    }

    @Test
    void sendsTheDatabaseDownloadTheRegistryAndSlackThroughTheProxyAndNoProxyHostsAround() throws Exception {
        WireMockServer services = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        services.start();
        try (LocalRegistry registry = LocalRegistry.start(temp.resolve("storage"), temp, Optional.empty())) {
            push(registry.address() + "/team/app:1");
            services.stubFor(get("/osv/npm/all.zip").willReturn(aResponse().withBody(OsvExports.zipOf(Corpora.corpus("osv-ghsa/npm")))));
            services.stubFor(post("/slack/hook").willReturn(aResponse().withBody("ok")));
            Path policy = temp.resolve("policy.yaml");
            Files.writeString(policy, Files.readString(POLICIES.resolve("dev-lenient.yaml")) + "\nnotify:\n  slack:\n"
                    + "    webhookUrlEnv: SLACK_WEBHOOK_URL\n");
            env.put("http_proxy", "http://127.0.0.1:" + proxy.port());
            env.put("https_proxy", "http://127.0.0.1:" + proxy.port());
            env.put("SLACK_WEBHOOK_URL", services.baseUrl() + "/slack/hook");
            Path mirrored = temp.resolve("mirrored.db");

            int update = bulwark("db", "update", "--db", mirrored.toString(), "--source", services.baseUrl() + "/osv/npm/all.zip");
            String updateLog = err;
            int gate = bulwark("gate", "registry:" + registry.address() + "/team/app:1", "--policy", policy.toString(), "--stage", "dev",
                    "--db", mirrored.toString(), "--no-cache", "--outbox", temp.resolve("outbox.db").toString());
            String gateLog = err;
            List<String> proxied = proxy.getAllServeEvents().stream().map(event -> event.getRequest().getAbsoluteUrl()).toList();
            env.put("no_proxy", "127.0.0.1,localhost");
            int direct = bulwark("db", "update", "--db", temp.resolve("direct.db").toString(), "--source", services.baseUrl() + "/osv/npm/all.zip");

            assertThat(update).as(updateLog).isZero();
            assertThat(gate).as(gateLog).isZero();
            assertThat(gateLog).contains("1 delivered");
            assertThat(proxied).anySatisfy(url -> assertThat(url).endsWith("/osv/npm/all.zip"))
                    .anySatisfy(url -> assertThat(url).contains(registry.address() + "/v2/team/app/manifests/1"))
                    .anySatisfy(url -> assertThat(url).endsWith("/slack/hook"));
            assertThat(direct).as(err).isZero();
            assertThat(proxy.getAllServeEvents()).as("no_proxy hosts are reached directly").hasSize(proxied.size());
        } finally {
            services.stop();
        }
    }

    @Test
    void scansThroughARegistryThatAnswers503TwiceAndResetsTheConnectionOnce() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(temp.resolve("storage"), temp, Optional.empty())) {
            push(registry.address() + "/team/app:1");
            WireMockServer flaky = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            flaky.start();
            try {
                flaky.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom("http://" + registry.address())));
                flaky.stubFor(get(urlMatching("/v2/team/app/manifests/.*")).atPriority(1).inScenario("503")
                        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("once"));
                flaky.stubFor(get(urlMatching("/v2/team/app/manifests/.*")).atPriority(1).inScenario("503")
                        .whenScenarioStateIs("once").willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
                flaky.stubFor(get(urlMatching("/v2/team/app/blobs/.*")).atPriority(1).inScenario("reset")
                        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                        .willSetStateTo("recovered"));

                int exit = bulwark("sbom", "registry:127.0.0.1:" + flaky.port() + "/team/app:1");

                assertThat(exit).as(err).isZero();
                assertThat(out).contains("/team/app:1 (sha256:");
                assertThat(flaky.getAllServeEvents()).filteredOn(event -> event.getResponse().getStatus() == 503).hasSize(2);
            } finally {
                flaky.stop();
            }
        }
    }

    @Test
    void readsTheEngineOfTheCurrentDockerContext() throws Exception {
        Path socket = Files.createDirectories(temp.resolve("engine")).resolve("docker.sock");
        Files.createSymbolicLink(socket, Path.of("/var/run/docker.sock"));
        String id = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("bulwark-ci".getBytes(StandardCharsets.UTF_8)));
        Path meta = Files.createDirectories(Path.of(env.get("DOCKER_CONFIG")).resolve("contexts/meta").resolve(id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"bulwark-ci\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"unix://"
                + socket + "\",\"SkipTLSVerify\":false}}}");
        dockerConfig("{\"currentContext\": \"bulwark-ci\"}");
        env.put("DOCKER_HOST", "");

        int exit = bulwark("sbom", "bulwark-test/busybox");
        String log = err;
        env.put("DOCKER_CONTEXT", "no-such-context");
        int missing = bulwark("sbom", "bulwark-test/busybox");

        assertThat(exit).as(log).isZero();
        assertThat(log).contains("from the Docker engine at unix://" + socket);
        assertThat(missing).isEqualTo(3);
        assertThat(err).contains("'no-such-context'", "docker context ls");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
