package dev.bulwark.notify.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.notify.config.SecretRef;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.notify.config.SlackSettings;
import dev.bulwark.notify.outbox.Delivery;
import dev.bulwark.notify.outbox.DispatchReport;
import dev.bulwark.notify.outbox.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SlackOutboxEndToEndTest {

    private static final String PATH = "/services/T0AAAAAAA/B0BBBBBBB/x7Kq9TzR2mLp4VwN8sYb3HdF";
    private static final Instant START = Instant.parse("2026-03-01T10:15:00Z");

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @Test
    void anOutageLosesNothingAndSlackGetsTheMessageExactlyOnce() {
        slack.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("service unavailable")).willSetStateTo("recovered"));
        slack.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        GateOutcome outcome = Outcomes.failingOnNetty();
        SlackMessage message = SlackMessage.of(outcome);
        Map<String, Delivery> deliveries = Map.of("slack", new SlackDelivery(SlackClient.from(
                new SlackSettings(Optional.of(new SecretRef.Env("SLACK_WEBHOOK_URL")), Optional.empty(), "", SlackSettings.DEFAULT_ON),
                Secrets.of(Map.of("SLACK_WEBHOOK_URL", slack.baseUrl() + PATH)))));

        try (Outbox gateRun = Outbox.open(outbox())) {
            assertThat(gateRun.enqueue(SlackMessage.idempotencyKey(outcome), "slack", message.toJson())).isTrue();
            DispatchReport duringOutage = gateRun.dispatch(deliveries, at(0));

            assertThat(duringOutage.rescheduled()).singleElement()
                    .satisfies(later -> assertThat(later.reason()).contains("HTTP 503").doesNotContain("x7Kq9T"));
            assertThat(gateRun.enqueue(SlackMessage.idempotencyKey(Outcomes.failingOnNetty()), "slack", message.toJson()))
                    .as("the build step re-run").isFalse();
        }
        try (Outbox nextRun = Outbox.open(outbox())) {
            assertThat(nextRun.dispatch(deliveries, at(29)).delivered()).as("still backing off, 30 s").isEmpty();
            // 30 s of backoff, and up to a quarter more of jitter
            assertThat(nextRun.dispatch(deliveries, at(38)).delivered()).containsExactly(SlackMessage.idempotencyKey(outcome));
            assertThat(nextRun.dispatch(deliveries, at(3600)).delivered()).isEmpty();
            assertThat(nextRun.pending()).isEmpty();
            assertThat(nextRun.failed()).isEmpty();
        }
        slack.verify(2, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(message.toJson())));
        assertThat(slack.getAllServeEvents()).filteredOn(event -> event.getResponse().getStatus() == 200)
                .as("posts that reached the channel").hasSize(1);
    }

    private Path outbox() {
        return dir.resolve("outbox.db");
    }

    private static Clock at(long secondsAfterStart) {
        return Clock.fixed(START.plusSeconds(secondsAfterStart), ZoneOffset.UTC);
    }
}
