package dev.bulwark.cli.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bulwark.cli.CliRun;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.scanner.db.DbUpdater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** bulwark gate: a failing image is reported to Slack (WireMock with Slack's documented answers) through the outbox. */
class GateCommandTest {

    @RegisterExtension
    static final WireMockExtension SLACK = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();
    private Path policy;
    private Path db;

    @BeforeEach
    void writePolicyAndDatabase() throws Exception {
        Path webhook = temp.resolve("slack-webhook");
        Files.writeString(webhook, "http://localhost:" + SLACK.getPort() + "/services/T000/B000/gatehook\n");
        policy = temp.resolve("policy.yaml");
        Files.writeString(policy, String.join("\n",
                "apiVersion: bulwark.dev/v1", "kind: Policy", "metadata: {name: gate-test}",
                "stages: [{name: dev, gate: {severity: {fail: high}}}]",
                "notify:", "  slack: {webhookUrlFile: " + webhook + ", on: [fail]}", ""));
        db = temp.resolve("osv.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(db, List.of(Corpora.corpus("osv-ghsa/npm").toString()));
    }

    private int gate() {
        return cli.run("gate", "bulwark-test/node", "--policy", policy.toString(), "--stage", "dev", "--db", db.toString(),
                "--no-cache", "--outbox", temp.resolve("outbox.db").toString(), "--build-url", "https://ci.example.com/job/app/42/",
                "--output", temp.resolve("report.txt").toString());
    }

    @Test
    void failsTheBuildAndTellsSlackWhatToUpgrade() {
        SLACK.stubFor(post(urlEqualTo("/services/T000/B000/gatehook")).willReturn(aResponse().withStatus(200).withBody("ok")));

        int exit = gate();

        assertThat(exit).isEqualTo(1);
        SLACK.verify(1, postRequestedFor(urlEqualTo("/services/T000/B000/gatehook"))
                .withRequestBody(matchingJsonPath("$.text", containing("bulwark-test/node")))
                .withRequestBody(containing("minimist")).withRequestBody(containing("1.2.6")));
        assertThat(cli.err()).contains("queued for slack; 1 delivered");
        assertThat(cli.err()).doesNotContain("T000/B000/gatehook");
    }

    @Test
    void keepsTheMessageWhileSlackIsDownAndDeliversItOnceWhenItIsBack() {
        SLACK.stubFor(post(urlEqualTo("/services/T000/B000/gatehook")).willReturn(aResponse().withStatus(503)));

        int exit = gate();
        SLACK.resetAll();
        SLACK.stubFor(post(urlEqualTo("/services/T000/B000/gatehook")).willReturn(aResponse().withStatus(200).withBody("ok")));
        cli.clear();
        int flushedTooEarly = cli.run("notify", "--policy", policy.toString(), "--outbox", temp.resolve("outbox.db").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(flushedTooEarly).isZero();
        assertThat(cli.err()).as("the retry waits for its backoff").contains("0 delivered")
                .contains("waiting (slack, 1 attempts, due 20").contains("503")
                .contains("1 waiting for a later attempt; bulwark notify --now tries them now");
        SLACK.verify(0, postRequestedFor(urlEqualTo("/services/T000/B000/gatehook")));

        cli.clear();
        int flushedNow = cli.run("notify", "--now", "--policy", policy.toString(), "--outbox", temp.resolve("outbox.db").toString());

        assertThat(flushedNow).isZero();
        assertThat(cli.err()).contains("1 delivered").doesNotContain("waiting");
        SLACK.verify(1, postRequestedFor(urlEqualTo("/services/T000/B000/gatehook")));
    }

    @Test
    void sendsNothingWithNoNotify() {
        int exit = cli.run("gate", "bulwark-test/node", "--policy", policy.toString(), "--stage", "dev", "--db", db.toString(),
                "--no-cache", "--no-notify", "--outbox", temp.resolve("outbox.db").toString(), "--output", temp.resolve("r.txt").toString());

        assertThat(exit).isEqualTo(1);
        SLACK.verify(0, postRequestedFor(urlEqualTo("/services/T000/B000/gatehook")));
    }
}
