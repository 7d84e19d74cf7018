package dev.bulwark.notify.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JiraHttpFailuresTest {

    @RegisterExtension
    final WireMockExtension jira = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private JiraApi api() {
        return JiraApi.connect(JiraSettings.cloud(URI.create(jira.baseUrl()), "ED", "bulwark@example.com", "secret-token"));
    }

    @Test
    void asksToRetryLaterWithoutAWaitWhenJiraIsUnavailableAndSaysNothingMore() {
        jira.stubFor(get(urlEqualTo("/rest/api/3/project/ED")).willReturn(aResponse().withStatus(503)));

        JiraRetryLater e = catchThrowableOfType(JiraRetryLater.class, () -> api().requireProject("ED"));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e).hasMessageContaining("Jira is unavailable (503 for GET /rest/api/3/project/ED)");
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));

        assertThat(JiraErrors.parseRetryAfter(inAMinute)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61)));
        assertThat(JiraErrors.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void asksToRetryLaterWhenJiraCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JiraApi unreachable = JiraApi.connect(JiraSettings.dataCenter(URI.create("http://127.0.0.1:" + closedPort), "ED", "pat"));

        JiraRetryLater e = catchThrowableOfType(JiraRetryLater.class, () -> unreachable.requireProject("ED"));

        assertThat(e.status()).isZero();
        assertThat(e).hasMessageStartingWith("Could not reach Jira at http://127.0.0.1:" + closedPort)
                .hasMessageContaining("check the Jira base URL");
    }

    @Test
    void doesNotFollowARedirectSoTheCredentialsStayWithTheConfiguredSite() {
        jira.stubFor(get(urlEqualTo("/rest/api/3/project/ED")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://elsewhere.example.com/rest/api/3/project/ED")));

        JiraException e = catchThrowableOfType(JiraException.class, () -> api().requireProject("ED"));

        assertThat(e).hasMessageContaining("redirected GET /rest/api/3/project/ED to https://elsewhere.example.com/")
                .hasMessageContaining("Set the Jira base URL");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/project/ED")));
    }

    @Test
    void quotesTheGatewaysMessageWhenJiraCloudAnswersWithoutErrorMessages() {
        jira.stubFor(get(urlEqualTo("/rest/api/3/project/ED")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Client must be authenticated to access this resource.\",\"status-code\":401}")));

        JiraException e = catchThrowableOfType(JiraException.class, () -> api().requireProject("ED"));

        assertThat(e.jiraMessages()).containsExactly("Client must be authenticated to access this resource.");
        assertThat(e).hasMessageContaining("e-mail address (bulwark@example.com)").hasMessageNotContaining("secret-token");
    }

    @Test
    void ignoresAnHtmlErrorPage() {
        jira.stubFor(post(urlEqualTo("/rest/api/3/issue/ED-1/comment")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Forbidden</body></html>")));

        JiraException e = catchThrowableOfType(JiraException.class,
                () -> api().comment("ED-1", RichText.of(RichText.paragraph(RichText.plain("hello")))));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.jiraMessages()).isEmpty();
        assertThat(e).hasMessageContaining("Jira forbade POST /rest/api/3/issue/ED-1/comment (403). Jira gave no reason.");
    }
}
