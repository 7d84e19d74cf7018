package dev.bulwark.notify.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Jira Data Center's REST v2: rich text as wiki markup, and {@code POST /rest/api/2/search}, which pages by
 * {@code startAt} and {@code maxResults} and reports the {@code total}.
 */
final class JiraDataCenterApi extends JiraRestApi {

    JiraDataCenterApi(JiraHttp http, JiraSettings settings) {
        super(http, settings, "/rest/api/2");
    }

    @Override
    JsonNode text(RichText text) {
        return TextNode.valueOf(WikiMarkupWriter.write(text));
    }

    @Override
    public List<JiraIssue> search(String jql) {
        List<JiraIssue> found = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = http.post(path("/search"), searchBody(jql).put("startAt", found.size()),
                    new JiraHttp.Call(SEARCH_API, "Check the project key " + settings.projectKey()
                            + " in the Jira settings; the query was: " + jql));
            List<JiraIssue> issues = issues(answer);
            found.addAll(issues);
            if (issues.isEmpty() || found.size() >= answer.path("total").asInt(0)) {
                return found;
            }
        }
        throw tooManyPages(jql);
    }
}
