package dev.bulwark.notify.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticket sync against Jira Cloud: REST v3, Atlassian Document Format, e-mail and API token. */
class JiraCloudTicketSyncTest extends JiraTicketSyncContract {

    private static final String EMAIL = "bulwark@example.com";
    private static final String API_TOKEN = "ATATT3xFfGF0-test-token-not-real";

    @Override
    String fixtures() {
        return "cloud";
    }

    @Override
    String api() {
        return "/rest/api/3";
    }

    @Override
    String searchPath() {
        return "/rest/api/3/search/jql";
    }

    @Override
    JiraSettings settings(URI baseUrl, String projectKey) {
        return JiraSettings.cloud(baseUrl, projectKey, EMAIL, API_TOKEN).withLabels(List.of("security"));
    }

    @Override
    String secret() {
        return API_TOKEN;
    }

    @Override
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    String expectedDoneTransition() {
        return "{\"transition\": {\"id\": \"31\"}}";
    }

    @Override
    String removedEndpointAdvice() {
        return "upgrade Bulwark";
    }

    @Override
    void assertDescriptionFormat(JsonNode description) {
        assertThat(description.path("type").asText()).isEqualTo("doc");
        assertThat(description.path("version").asInt()).isEqualTo(1);
        assertThat(description.findValues("type")).extracting(JsonNode::asText)
                .contains("paragraph", "heading", "bulletList", "listItem", "text", "strong", "code", "link");
        assertThat(description.findValues("href")).extracting(JsonNode::asText)
                .contains("https://nvd.nist.gov/vuln/detail/CVE-2023-44487", "https://ci.example.com/job/app/42/");
        assertThat(textOf(description))
                .contains("CVE-2023-44487 (high, CVSS 7.5) blocks registry.example.com/team/app:1.4.42 at stage production"
                        + " under policy default.")
                .contains("pkg:golang/golang.org/x/net@0.7.0: installed 0.7.0, fixed in 0.17.0 (/app/server)")
                .contains("Upgrade golang.org/x/net from 0.7.0 to 0.17.0");
    }

    @Override
    String textOf(JsonNode body) {
        List<String> lines = new ArrayList<>();
        collect(body, lines);
        return String.join("\n", lines);
    }

    // One line per paragraph or heading, as a reader sees it.
    private static void collect(JsonNode node, List<String> lines) {
        String type = node.path("type").asText();
        if (type.equals("paragraph") || type.equals("heading")) {
            StringBuilder line = new StringBuilder();
            node.path("content").forEach(text -> line.append(text.path("text").asText()));
            lines.add(line.toString());
            return;
        }
        node.path("content").forEach(child -> collect(child, lines));
    }

    @Test
    void searchesWithTheEnhancedSearchAndFollowsNextPageToken() {
        jira.stubFor(post(urlEqualTo(searchPath())).atPriority(5).willReturn(okJson(body("search-page-1.json"))));
        jira.stubFor(post(urlEqualTo(searchPath())).atPriority(1)
                .withRequestBody(matchingJsonPath("$.nextPageToken", equalTo("CAEaAggD")))
                .willReturn(okJson(body("search-page-2.json"))));

        List<JiraIssue> issues = JiraApi.connect(settings()).search("project = \"ED\" AND labels = \"bulwark\"");

        assertThat(issues).extracting(JiraIssue::key).containsExactly("ED-7", "ED-8");
        jira.verify(postRequestedFor(urlEqualTo(searchPath())).withRequestBody(equalToJson(
                "{\"jql\": \"project = \\\"ED\\\" AND labels = \\\"bulwark\\\"\", \"fields\": [\"labels\", \"status\"],"
                        + " \"maxResults\": 100}")));
    }
}
