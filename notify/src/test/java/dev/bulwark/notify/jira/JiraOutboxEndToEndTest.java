package dev.bulwark.notify.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bulwark.notify.Notifier;
import dev.bulwark.notify.config.NotifySettings;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.notify.outbox.DispatchReport;
import dev.bulwark.notify.outbox.Outbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole feedback loop against Jira Cloud (WireMock with Atlassian's documented bodies): with Jira down
 * during the gate run the sync waits in the outbox, and when Jira is back the ticket is created exactly once.
 */
class JiraOutboxEndToEndTest {

    @RegisterExtension
    static final WireMockExtension JIRA = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path temp;

    private static final Instant RUN = Instant.parse("2026-11-29T10:15:30Z");

    private Notifier notifier() throws IOException {
        return notifier("");
    }

    private Notifier notifier(String more) throws IOException {
        String yaml = "jira: {url: 'http://localhost:" + JIRA.getPort() + "', flavour: cloud, project: ED,"
                + " emailEnv: JIRA_EMAIL, apiTokenEnv: JIRA_API_TOKEN" + more + "}";
        NotifySettings settings = NotifySettings.parse(new YAMLMapper().readTree(yaml));
        return Notifier.connect(settings, Secrets.of(Map.of("JIRA_EMAIL", "ci@example.com", "JIRA_API_TOKEN", "tok-123456789")));
    }

    private static String body(String name) throws IOException {
        try (InputStream in = JiraOutboxEndToEndTest.class.getResourceAsStream("cloud/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private void jiraIsBack() throws IOException {
        JIRA.resetAll();
        JIRA.stubFor(get(urlEqualTo("/rest/api/3/project/ED")).willReturn(okJson(body("project-ED.json"))));
        JIRA.stubFor(post(urlEqualTo("/rest/api/3/search/jql")).willReturn(okJson(body("search-nothing.json"))));
        JIRA.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(body("create-issue-ED-24.json"))));
    }

    @Test
    void aTicketQueuedWhileJiraWasDownIsCreatedExactlyOnceWhenItIsBack() throws IOException {
        JIRA.stubFor(get(urlEqualTo("/rest/api/3/project/ED")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        Notifier notifier = notifier();
        try (Outbox outbox = Outbox.open(temp.resolve("outbox.db"))) {
            assertThat(notifier.enqueue(GateOutcomes.build42(GateOutcomes.RAPID_RESET_IN_X_NET), outbox)).containsExactly(Notifier.JIRA);

            DispatchReport whileDown = notifier.dispatch(outbox, at(RUN));

            assertThat(whileDown.rescheduled()).hasSize(1);
            JIRA.verify(0, postRequestedFor(urlEqualTo("/rest/api/3/issue")));
        }
        jiraIsBack();
        try (Outbox reopened = Outbox.open(temp.resolve("outbox.db"))) {
            DispatchReport whenBack = notifier.dispatch(reopened, at(RUN.plusSeconds(3600)));
            DispatchReport later = notifier.dispatch(reopened, at(RUN.plusSeconds(7200)));

            assertThat(whenBack.delivered()).hasSize(1);
            assertThat(later.delivered()).isEmpty();
            assertThat(reopened.pending()).isEmpty();
        }
        JIRA.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue"))
                .withRequestBody(matchingJsonPath("$.fields.summary", containing("CVE-2023-44487"))));
    }

    @Test
    void aVerdictNotInJiraOnOpensNoTicketYetJiraIsStillAskedWhatToResolve() throws IOException {
        jiraIsBack();
        Notifier notifier = notifier(", on: [warn]");
        try (Outbox outbox = Outbox.open(temp.resolve("outbox.db"))) {
            assertThat(notifier.enqueue(GateOutcomes.build42(GateOutcomes.RAPID_RESET_IN_X_NET), outbox)).containsExactly(Notifier.JIRA);

            DispatchReport report = notifier.dispatch(outbox, at(RUN));

            assertThat(report.delivered()).hasSize(1);
        }
        JIRA.verify(0, postRequestedFor(urlEqualTo("/rest/api/3/issue")));
        JIRA.verify(postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
    }

    @Test
    void neverPutsTheApiTokenInWhatItReports() throws IOException {
        JIRA.stubFor(get(urlEqualTo("/rest/api/3/project/ED")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(body("error-401.json"))));
        Notifier notifier = notifier();
        try (Outbox outbox = Outbox.open(temp.resolve("outbox.db"))) {
            notifier.enqueue(GateOutcomes.build42(GateOutcomes.RAPID_RESET_IN_X_NET), outbox);

            DispatchReport report = notifier.dispatch(outbox, at(RUN));

            assertThat(report.failed()).singleElement().satisfies(failure ->
                    assertThat(notifier.redact(failure.reason())).doesNotContain("tok-123456789").contains("401"));
        }
    }
}
