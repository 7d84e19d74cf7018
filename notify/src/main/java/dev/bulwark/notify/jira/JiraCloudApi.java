package dev.bulwark.notify.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Jira Cloud's REST v3: rich text in Atlassian Document Format, and the enhanced search
 * ({@code POST /rest/api/3/search/jql}), which pages by {@code nextPageToken} and returns only the requested
 * fields. The old {@code /rest/api/3/search} answers 410 Gone on Cloud.
 */
final class JiraCloudApi extends JiraRestApi {

    JiraCloudApi(JiraHttp http, JiraSettings settings) {
        super(http, settings, "/rest/api/3");
    }

    @Override
    JsonNode text(RichText text) {
        return AdfWriter.document(text);
    }

    @Override
    public List<JiraIssue> search(String jql) {
        List<JiraIssue> found = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode body = searchBody(jql);
            if (token != null) {
                body.put("nextPageToken", token);
            }
            JsonNode answer = http.post(path("/search/jql"), body, new JiraHttp.Call(SEARCH_API,
                    "Check the project key " + settings.projectKey() + " in the Jira settings; the query was: " + jql));
            found.addAll(issues(answer));
            token = answer.path("nextPageToken").asText(null);
            if (token == null || answer.path("isLast").asBoolean(false)) {
                return found;
            }
        }
        throw tooManyPages(jql);
    }
}
