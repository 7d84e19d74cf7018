package dev.bulwark.agent.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.scanner.testing.Containers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent's alerts reach Slack through the notify module (WireMock answering as Slack's webhooks do). */
class AgentAlertsTest {

    @RegisterExtension
    static final WireMockExtension SLACK = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path temp;

    @Test
    void sendsAnAlertToSlackWhenAMonitoredContainerStartsAShell() throws Exception {
        SLACK.stubFor(post(urlEqualTo("/services/T0/B0/X")).willReturn(aResponse().withStatus(200).withBody("ok")));
        Files.writeString(temp.resolve("webhook"), "http://localhost:" + SLACK.getPort() + "/services/T0/B0/X");
        Files.writeString(temp.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: alerts}", "stages: [{name: production}]", "runtime:", "  defaultMode: monitor",
                "  rules: {deniedExecutables: ['**/sh']}", "notify:", "  slack: {webhookUrlFile: " + temp.resolve("webhook") + "}", ""));
        Files.writeString(temp.resolve("agent.yaml"), "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
        AgentConfig config = AgentConfig.load(temp.resolve("agent.yaml"));
        String name = "bulwark-agent-test-" + UUID.randomUUID().toString().substring(0, 8);
        Containers.exec(List.of("docker", "run", "-d", "--name", name, "--network", "none", "bulwark-test/busybox", "sleep", "600"));
        try (AgentAlerts alerts = AgentAlerts.forPolicy(new PolicyLoader().load(config.policy()), Secrets.of(Map.of()),
                config.stateDir(), Clock.systemUTC()).orElseThrow();
             AgentDaemon agent = AgentDaemon.start(config, Clock.systemUTC(), alerts)) {
            Thread.sleep(500);

            Containers.exec(List.of("docker", "exec", name, "sh", "-c", "true"));

            long end = System.nanoTime() + 10_000_000_000L;
            while (SLACK.findAll(postRequestedFor(urlEqualTo("/services/T0/B0/X"))).isEmpty() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            SLACK.verify(postRequestedFor(urlEqualTo("/services/T0/B0/X"))
                    .withRequestBody(containing("deniedExecutables")).withRequestBody(containing(name)));
            assertThat(Containers.exec(List.of("docker", "inspect", "-f", "{{.State.Running}}", name)).strip()).isEqualTo("true");
        } finally {
            Containers.exec(List.of("docker", "rm", "-f", name));
        }
    }
}
