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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticket sync against Jira Data Center: REST v2, wiki markup, personal access token. */
class JiraDataCenterTicketSyncTest extends JiraTicketSyncContract {

    private static final String PERSONAL_ACCESS_TOKEN = "NjE0ODk1MDk5NjkyOtest-pat-not-real";

    @Override
    String fixtures() {
        return "datacenter";
    }

    @Override
    String api() {
        return "/rest/api/2";
    }

    @Override
    String searchPath() {
        return "/rest/api/2/search";
    }

    @Override
    JiraSettings settings(URI baseUrl, String projectKey) {
        return JiraSettings.dataCenter(baseUrl, projectKey, PERSONAL_ACCESS_TOKEN).withLabels(List.of("security"));
    }

    @Override
    String secret() {
        return PERSONAL_ACCESS_TOKEN;
    }

    @Override
    String authorization() {
        return "Bearer " + PERSONAL_ACCESS_TOKEN;
    }

    @Override
    String expectedDoneTransition() {
        // The fixture workflow's Done screen requires a resolution, as Data Center workflows often do.
        return "{\"transition\": {\"id\": \"31\"}, \"fields\": {\"resolution\": {\"id\": \"10000\"}}}";
    }

    @Override
    String removedEndpointAdvice() {
        return "set the Jira flavour to CLOUD";
    }

    @Override
    void assertDescriptionFormat(JsonNode description) {
        assertThat(description.isTextual()).as("a wiki-markup string").isTrue();
        assertThat(description.asText())
                .startsWith("*CVE-2023-44487* (high, CVSS 7.5) blocks {{registry.example.com/team/app:1.4.42}} at stage"
                        + " *production* under policy default.")
                .contains("h3. Affected packages\n\n* {{pkg:golang/golang.org/x/net@0.7.0}}: installed 0.7.0, fixed in 0.17.0"
                        + " (/app/server)")
                .contains("h3. References\n\n* [https://nvd.nist.gov/vuln/detail/CVE-2023-44487]\n* [https://go.dev/issue/63417]")
                .contains("build [https://ci.example.com/job/app/42/]");
    }

    @Override
    String textOf(JsonNode body) {
        return body.asText().replaceAll("\\{\\{|}}|\\[|]|\\*", "").replaceAll("\\\\(.)", "$1");
    }

    @Test
    void searchPagesByStartAtUntilTheTotal() {
        jira.stubFor(post(urlEqualTo(searchPath())).atPriority(5).willReturn(okJson(body("search-page-1.json"))));
        jira.stubFor(post(urlEqualTo(searchPath())).atPriority(1)
                .withRequestBody(matchingJsonPath("$.startAt", equalTo("1")))
                .willReturn(okJson(body("search-page-2.json"))));

        List<JiraIssue> issues = JiraApi.connect(settings()).search("project = \"ED\" AND labels = \"bulwark\"");

        assertThat(issues).extracting(JiraIssue::key).containsExactly("ED-7", "ED-8");
        jira.verify(postRequestedFor(urlEqualTo(searchPath())).withRequestBody(equalToJson(
                "{\"jql\": \"project = \\\"ED\\\" AND labels = \\\"bulwark\\\"\", \"fields\": [\"labels\", \"status\"],"
                        + " \"maxResults\": 100, \"startAt\": 0}")));
    }
}
