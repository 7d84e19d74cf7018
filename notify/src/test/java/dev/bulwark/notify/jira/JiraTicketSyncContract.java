package dev.bulwark.notify.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bulwark.notify.jira.GateOutcomes.OPENSSL_LOW;
import static dev.bulwark.notify.jira.GateOutcomes.RAPID_RESET_IN_X_NET;
import static dev.bulwark.notify.jira.GateOutcomes.WEBP_IN_LIBWEBP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bulwark.notify.jira.TicketAction.Commented;
import dev.bulwark.notify.jira.TicketAction.Created;
import dev.bulwark.notify.jira.TicketAction.Resolved;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How ticket sync behaves against a Jira that answers with Atlassian's documented bodies. Each flavour's test
 * says where its API lives, how it signs in and how it writes rich text; the behaviour is the same.
 */
abstract class JiraTicketSyncContract {

    static final String FINGERPRINT_SEARCH = "labels in (";
    static final String OPEN_TICKETS_SEARCH = "statusCategory != Done";
    static final String RAPID_RESET_LABEL = "bulwark-6745ebf3c61d0ec3ae9b";
    static final String REPOSITORY_LABEL = "bulwark-repo-7c14ca571345f09fc087";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final WireMockExtension jira = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The folder of this flavour's response bodies: {@code cloud} or {@code datacenter}. */
    abstract String fixtures();

    /** Where the REST API lives: {@code /rest/api/3} or {@code /rest/api/2}. */
    abstract String api();

    /** The search endpoint this flavour must use. */
    abstract String searchPath();

    /** Settings for a Jira at the base URL, project ED. */
    abstract JiraSettings settings(URI baseUrl, String projectKey);

    /** The secret in {@link #settings}, which no message may show. */
    abstract String secret();

    /** The {@code Authorization} header the flavour must send. */
    abstract String authorization();

    /** Asserts the created issue's description is in this flavour's format and says what the ticket is about. */
    abstract void assertDescriptionFormat(JsonNode description);

    /** The text of a comment or description body, whatever the format. */
    abstract String textOf(JsonNode body);

    @Test
    void createsOneTicketPerBlockingVulnerability() {
        givenProject();
        givenSearch(FINGERPRINT_SEARCH, "search-nothing.json");
        givenSearch(OPEN_TICKETS_SEARCH, "search-nothing.json");
        givenCreated(GateOutcomes.RAPID_RESET, "create-issue-ED-24.json");
        givenCreated(GateOutcomes.WEBP, "create-issue-ED-25.json");

        List<TicketAction> actions = sync().sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET, WEBP_IN_LIBWEBP, OPENSSL_LOW));

        assertThat(actions).containsExactlyInAnyOrder(new Created("ED-24"), new Created("ED-25"));
        jira.verify(exactly(2), postRequestedFor(urlEqualTo(api() + "/issue"))
                .withHeader("Authorization", equalTo(authorization()))
                .withHeader("Content-Type", containing("application/json")));
        jira.verify(postRequestedFor(urlEqualTo(searchPath())).withRequestBody(matchingJsonPath("$.jql",
                equalTo("project = \"ED\" AND labels in (\"bulwark-6745ebf3c61d0ec3ae9b\", \"bulwark-1668690e8e596791f2cc\")"))));
        JsonNode fields = createdFields(GateOutcomes.RAPID_RESET);
        assertThat(fields.path("project").path("key").asText()).isEqualTo("ED");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("summary").asText())
                .isEqualTo("[Bulwark] CVE-2023-44487 in golang.org/x/net (registry.example.com/team/app)");
        assertThat(fields.path("labels")).extracting(JsonNode::asText)
                .containsExactly("bulwark", REPOSITORY_LABEL, RAPID_RESET_LABEL, "security");
        assertDescriptionFormat(fields.path("description"));
    }

    @Test
    void aSecondRunOnTheSameImageCreatesNoDuplicateButComments() {
        givenProject();
        givenSearchInState(STARTED, FINGERPRINT_SEARCH, "search-nothing.json");
        givenSearchInState(STARTED, OPEN_TICKETS_SEARCH, "search-nothing.json");
        jira.stubFor(post(urlEqualTo(api() + "/issue")).inScenario("filing").whenScenarioStateIs(STARTED)
                .willSetStateTo("filed").willReturn(created("create-issue-ED-24.json")));
        givenSearchInState("filed", FINGERPRINT_SEARCH, "search-open-ED-24.json");
        givenSearchInState("filed", OPEN_TICKETS_SEARCH, "search-open-ED-24.json");
        givenComments("ED-24");
        TicketSync sync = sync();

        List<TicketAction> first = sync.sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET));
        List<TicketAction> second = sync.sync(GateOutcomes.build43(RAPID_RESET_IN_X_NET));

        assertThat(first).containsExactly(new Created("ED-24"));
        assertThat(second).containsExactly(new Commented("ED-24"));
        jira.verify(exactly(1), postRequestedFor(urlEqualTo(api() + "/issue")));
        assertThat(textOf(requestBody(api() + "/issue/ED-24/comment").path("body")))
                .isEqualTo("Seen again in registry.example.com/team/app:1.4.43 at stage production,"
                        + " build https://ci.example.com/job/app/43/.");
    }

    @Test
    void aRunAfterTheFixResolvesTheTicketByTheDoneTransitionName() {
        givenProject();
        givenSearch(OPEN_TICKETS_SEARCH, "search-open-ED-24.json");
        jira.stubFor(get(urlPathEqualTo(api() + "/issue/ED-24/transitions"))
                .willReturn(okJson(body("transitions-ED-24.json"))));
        jira.stubFor(post(urlEqualTo(api() + "/issue/ED-24/transitions")).willReturn(aResponse().withStatus(204)));
        givenComments("ED-24");
        JiraSettings doneInLowerCase = settings().withWorkflow("Bug", "done");

        List<TicketAction> actions = new TicketSync(JiraApi.connect(doneInLowerCase), doneInLowerCase)
                .sync(GateOutcomes.build43(OPENSSL_LOW));

        assertThat(actions).containsExactly(new Resolved("ED-24"));
        jira.verify(postRequestedFor(urlEqualTo(searchPath())).withRequestBody(matchingJsonPath("$.jql", equalTo(
                "project = \"ED\" AND labels = \"bulwark\" AND labels = \"" + REPOSITORY_LABEL
                        + "\" AND statusCategory != Done"))));
        jira.verify(postRequestedFor(urlEqualTo(api() + "/issue/ED-24/transitions"))
                .withRequestBody(equalToJson(expectedDoneTransition())));
        assertThat(textOf(requestBody(api() + "/issue/ED-24/comment").path("body")))
                .startsWith("No longer found in registry.example.com/team/app:1.4.43 at stage production");
    }

    @Test
    void namesTheTransitionsOnOfferWhenTheDoneTransitionIsMissing() {
        givenProject();
        givenSearch(OPEN_TICKETS_SEARCH, "search-open-ED-24.json");
        jira.stubFor(get(urlPathEqualTo(api() + "/issue/ED-24/transitions"))
                .willReturn(okJson(body("transitions-ED-24.json"))));
        JiraSettings resolvedBy = settings().withWorkflow("Bug", "Resolve Issue");

        JiraException e = catchThrowableOfType(JiraException.class,
                () -> new TicketSync(JiraApi.connect(resolvedBy), resolvedBy).sync(GateOutcomes.build43(OPENSSL_LOW)));

        assertThat(e).hasMessage("ED-24 has no transition named 'Resolve Issue' from its current status; it offers"
                + " 'Start Progress', 'Done'. Set the done transition in the Jira settings to the one that resolves"
                + " Bulwark's tickets in project ED");
        jira.verify(exactly(0), postRequestedFor(urlEqualTo(api() + "/issue/ED-24/transitions")));
    }

    /** The transition request: Done's ID, and the resolution where the flavour's fixture workflow requires one. */
    abstract String expectedDoneTransition();

    @Test
    void aVulnerabilityThatComesBackAfterItsTicketWasResolvedGetsANewTicketNamingTheOldOne() {
        givenProject();
        givenSearch(FINGERPRINT_SEARCH, "search-done-ED-24.json");
        givenSearch(OPEN_TICKETS_SEARCH, "search-nothing.json");
        givenCreated(GateOutcomes.RAPID_RESET, "create-issue-ED-25.json");

        List<TicketAction> actions = sync().sync(GateOutcomes.build43(RAPID_RESET_IN_X_NET));

        assertThat(actions).containsExactly(new Created("ED-25"));
        assertThat(textOf(createdFields(GateOutcomes.RAPID_RESET).path("description")))
                .contains("This came back: Bulwark resolved ED-24 for it earlier.");
    }

    @Test
    void reportsA400WithJirasOwnErrorMessages() {
        givenProject();
        givenSearch(FINGERPRINT_SEARCH, "search-nothing.json");
        givenSearch(OPEN_TICKETS_SEARCH, "search-nothing.json");
        jira.stubFor(post(urlEqualTo(api() + "/issue"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(body("error-400-issue-type.json"))));

        JiraException e = catchThrowableOfType(JiraException.class,
                () -> sync().sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET)));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.jiraMessages()).containsExactly("issuetype: The issue type selected is invalid.");
        assertThat(e).hasMessageContaining("POST " + api() + "/issue")
                .hasMessageContaining("The issue type selected is invalid.")
                .hasMessageContaining("Check the project key ED and the issue type 'Bug' in the Jira settings");
    }

    @Test
    void reportsA401WithoutLeakingTheToken() {
        givenProjectAnswers("ED", 401, "error-401.json");

        JiraException e = catchThrowableOfType(JiraException.class,
                () -> sync().sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET)));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e).hasMessageContaining("Authentication required to perform this operation")
                .hasMessageContaining(settings().flavour() == JiraSettings.Flavour.CLOUD ? "API token" : "personal access token")
                .hasMessageContaining("project ED");
        String base64 = Base64.getEncoder().encodeToString(("bulwark@example.com:" + secret()).getBytes(StandardCharsets.UTF_8));
        assertThat(e.getMessage()).doesNotContain(secret()).doesNotContain(base64);
        assertThat(settings().toString()).doesNotContain(secret());
    }

    @Test
    void reportsA404ForAnUnknownProject() {
        givenProjectAnswers("NOPE", 404, "error-404-project.json");

        JiraException e = catchThrowableOfType(JiraException.class,
                () -> sync(settings(URI.create(jira.baseUrl()), "NOPE")).sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET)));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e).hasMessageStartingWith("Jira found no project NOPE (404 for GET " + api() + "/project/NOPE)")
                .hasMessageContaining("No project could be found with key 'NOPE'.")
                .hasMessageContaining("may browse it");
    }

    @Test
    void reportsA410ForARemovedEndpoint() {
        givenProject();
        jira.stubFor(post(urlEqualTo(searchPath())).willReturn(aResponse().withStatus(410)
                .withHeader("Content-Type", "application/json").withBody(body("error-410-search.json"))));

        JiraException e = catchThrowableOfType(JiraException.class,
                () -> sync().sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET)));

        assertThat(e.status()).isEqualTo(410);
        assertThat(e).hasMessageContaining("Jira has removed POST " + searchPath() + " (410 Gone)")
                .hasMessageContaining("The requested API has been removed.")
                .hasMessageContaining(removedEndpointAdvice());
    }

    /** What the 410 message advises for this flavour. */
    abstract String removedEndpointAdvice();

    @Test
    void asksToRetryLaterOn429WithRetryAfter() {
        givenProject();
        jira.stubFor(post(urlEqualTo(searchPath())).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        JiraRetryLater e = catchThrowableOfType(JiraRetryLater.class,
                () -> sync().sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET)));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e).hasMessageContaining("rate-limiting").hasMessageContaining("retry after 30 s");
    }

    @Test
    void perBuildGroupingCreatesOneTicketForTheBuild() {
        givenProject();
        givenSearch(FINGERPRINT_SEARCH, "search-nothing.json");
        givenSearch(OPEN_TICKETS_SEARCH, "search-nothing.json");
        givenCreated("blocking vulnerabilities", "create-issue-ED-24.json");
        JiraSettings perBuild = settings().withGrouping(JiraSettings.Grouping.PER_BUILD);

        List<TicketAction> actions = new TicketSync(JiraApi.connect(perBuild), perBuild)
                .sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET, WEBP_IN_LIBWEBP, OPENSSL_LOW));

        assertThat(actions).containsExactly(new Created("ED-24"));
        jira.verify(exactly(1), postRequestedFor(urlEqualTo(api() + "/issue")));
        JsonNode fields = createdFields("blocking vulnerabilities");
        assertThat(fields.path("summary").asText())
                .isEqualTo("[Bulwark] 2 blocking vulnerabilities in registry.example.com/team/app:1.4.42 at production");
        assertThat(fields.path("labels")).extracting(JsonNode::asText).containsExactly("bulwark",
                "bulwark-stage-472c2d39130c3c0cde95", "bulwark-cdaeb373d44efbd1c2b3", "security");
        assertThat(textOf(fields.path("description"))).contains("CVE-2023-44487", "CVE-2023-4863")
                .doesNotContain("CVE-2023-5678");
    }

    @Test
    void perBuildGroupingResolvesTheTicketOfAnEarlierBuild() {
        givenProject();
        givenSearch(FINGERPRINT_SEARCH, "search-nothing.json");
        givenSearch(OPEN_TICKETS_SEARCH, "search-open-build-41.json");
        givenCreated("blocking", "create-issue-ED-24.json");
        jira.stubFor(get(urlPathEqualTo(api() + "/issue/ED-23/transitions"))
                .willReturn(okJson(body("transitions-ED-24.json"))));
        jira.stubFor(post(urlEqualTo(api() + "/issue/ED-23/transitions")).willReturn(aResponse().withStatus(204)));
        givenComments("ED-23");
        JiraSettings perBuild = settings().withGrouping(JiraSettings.Grouping.PER_BUILD);

        List<TicketAction> actions = new TicketSync(JiraApi.connect(perBuild), perBuild)
                .sync(GateOutcomes.build42(RAPID_RESET_IN_X_NET));

        assertThat(actions).containsExactly(new Created("ED-24"), new Resolved("ED-23"));
        assertThat(textOf(requestBody(api() + "/issue/ED-23/comment").path("body")))
                .startsWith("Replaced by a later build: registry.example.com/team/app:1.4.42 at stage production");
    }

    // --- the fake Jira ---

    JiraSettings settings() {
        return settings(URI.create(jira.baseUrl()), "ED");
    }

    TicketSync sync() {
        return sync(settings());
    }

    static TicketSync sync(JiraSettings settings) {
        return TicketSync.connect(settings);
    }

    void givenProject() {
        jira.stubFor(get(urlEqualTo(api() + "/project/ED")).willReturn(okJson(body("project-ED.json"))));
    }

    void givenProjectAnswers(String key, int status, String fixture) {
        jira.stubFor(get(urlEqualTo(api() + "/project/" + key)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body(fixture))));
    }

    void givenSearch(String jqlPart, String fixture) {
        jira.stubFor(post(urlEqualTo(searchPath())).withRequestBody(matchingJsonPath("$.jql", containing(jqlPart)))
                .willReturn(okJson(body(fixture))));
    }

    void givenSearchInState(String state, String jqlPart, String fixture) {
        jira.stubFor(post(urlEqualTo(searchPath())).inScenario("filing").whenScenarioStateIs(state)
                .withRequestBody(matchingJsonPath("$.jql", containing(jqlPart))).willReturn(okJson(body(fixture))));
    }

    void givenCreated(String summaryPart, String fixture) {
        jira.stubFor(post(urlEqualTo(api() + "/issue"))
                .withRequestBody(matchingJsonPath("$.fields.summary", containing(summaryPart)))
                .willReturn(created(fixture)));
    }

    void givenComments(String key) {
        jira.stubFor(post(urlEqualTo(api() + "/issue/" + key + "/comment")).willReturn(created("comment-added.json")));
    }

    com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String fixture) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body(fixture));
    }

    JsonNode createdFields(String summaryPart) {
        return jira.findAll(postRequestedFor(urlEqualTo(api() + "/issue"))).stream()
                .map(request -> readTree(request.getBodyAsString()).path("fields"))
                .filter(fields -> fields.path("summary").asText().contains(summaryPart))
                .findFirst().orElseThrow(() -> new AssertionError("no issue created with '" + summaryPart + "'"));
    }

    JsonNode requestBody(String path) {
        List<JsonNode> bodies = jira.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(request -> readTree(request.getBodyAsString())).toList();
        assertThat(bodies).as("requests to " + path).hasSize(1);
        return bodies.get(0);
    }

    String body(String fixture) {
        String resource = "/dev/bulwark/notify/jira/" + fixtures() + "/" + fixture;
        try (InputStream in = JiraTicketSyncContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
