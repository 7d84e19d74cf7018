package dev.bulwark.notify.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Jira's REST v2 (Data Center) and v3 (Cloud) share: the same paths under another prefix and the same
 * JSON, except for how rich text is written and how search pages.
 */
abstract class JiraRestApi implements JiraApi {

    static final List<String> SEARCH_FIELDS = List.of("labels", "status");
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 100;
    static final String SEARCH_API = "search API under the base URL (a Data Center context path such as /jira belongs"
            + " in the base URL)";

    final JiraHttp http;
    final JiraSettings settings;
    private final String prefix;

    JiraRestApi(JiraHttp http, JiraSettings settings, String prefix) {
        this.http = http;
        this.settings = settings;
        this.prefix = prefix;
    }

    /** Rich text as this flavour's API takes it: an ADF document or a wiki-markup string. */
    abstract JsonNode text(RichText text);

    String path(String rest) {
        return prefix + rest;
    }

    @Override
    public void requireProject(String projectKey) {
        http.get(path("/project/" + projectKey), new JiraHttp.Call("project " + projectKey,
                "Check the project key " + projectKey + " in the Jira settings"));
    }

    @Override
    public String create(NewTicket ticket) {
        ObjectNode body = JiraHttp.JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", ticket.projectKey());
        fields.putObject("issuetype").put("name", ticket.issueType());
        fields.put("summary", ticket.summary());
        fields.set("description", text(ticket.description()));
        ticket.labels().forEach(fields.withArray("labels")::add);
        JsonNode created = http.post(path("/issue"), body, new JiraHttp.Call("project " + ticket.projectKey(),
                "Check the project key " + ticket.projectKey() + " and the issue type '" + ticket.issueType()
                        + "' in the Jira settings: the issue type must be one the project uses, and the project's create"
                        + " screen must have the labels and description fields and require no field Bulwark does not set"));
        String key = created.path("key").asText("");
        if (key.isEmpty()) {
            throw new JiraException(0, "POST " + path("/issue"), List.of(),
                    "Jira created an issue in " + ticket.projectKey() + " but its answer named no key; check the base URL");
        }
        return key;
    }

    @Override
    public void comment(String issueKey, RichText body) {
        ObjectNode comment = JiraHttp.JSON.createObjectNode();
        comment.set("body", text(body));
        http.post(path("/issue/" + issueKey + "/comment"), comment, new JiraHttp.Call("issue " + issueKey,
                "The project's comment settings refused Bulwark's comment on " + issueKey));
    }

    @Override
    public List<JiraTransition> transitions(String issueKey) {
        JsonNode answer = http.get(path("/issue/" + issueKey + "/transitions?expand=transitions.fields"),
                new JiraHttp.Call("issue " + issueKey, "Check that issue " + issueKey + " still exists"));
        List<JiraTransition> transitions = new ArrayList<>();
        for (JsonNode transition : answer.path("transitions")) {
            transitions.add(new JiraTransition(transition.path("id").asText(), transition.path("name").asText(),
                    requiredResolution(transition.path("fields").path("resolution"))));
        }
        return transitions;
    }

    @Override
    public void transition(String issueKey, JiraTransition transition) {
        ObjectNode body = JiraHttp.JSON.createObjectNode();
        body.putObject("transition").put("id", transition.id());
        transition.resolutionId().ifPresent(id -> body.putObject("fields").putObject("resolution").put("id", id));
        http.post(path("/issue/" + issueKey + "/transitions"), body, new JiraHttp.Call("issue " + issueKey,
                "The transition '" + transition.name() + "' of " + issueKey + " needs fields Bulwark does not set;"
                        + " set the done transition in the Jira settings to one without a screen, or remove the"
                        + " required fields from its screen"));
    }

    // Prefer a resolution that says the problem is gone; any allowed one beats a 400.
    private static Optional<String> requiredResolution(JsonNode resolution) {
        if (!resolution.path("required").asBoolean(false) || resolution.path("allowedValues").isEmpty()) {
            return Optional.empty();
        }
        for (String wanted : List.of("done", "fixed")) {
            for (JsonNode value : resolution.path("allowedValues")) {
                if (value.path("name").asText().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(value.path("id").asText());
                }
            }
        }
        return Optional.of(resolution.path("allowedValues").get(0).path("id").asText());
    }

    static ObjectNode searchBody(String jql) {
        ObjectNode body = JiraHttp.JSON.createObjectNode().put("jql", jql);
        SEARCH_FIELDS.forEach(body.withArray("fields")::add);
        body.put("maxResults", PAGE_SIZE);
        return body;
    }

    static List<JiraIssue> issues(JsonNode page) {
        List<JiraIssue> issues = new ArrayList<>();
        for (JsonNode issue : page.path("issues")) {
            Set<String> labels = new TreeSet<>();
            issue.path("fields").path("labels").forEach(label -> labels.add(label.asText()));
            String category = issue.path("fields").path("status").path("statusCategory").path("key").asText("");
            issues.add(new JiraIssue(issue.path("key").asText(), labels, category.equals("done")));
        }
        return issues;
    }

    JiraException tooManyPages(String jql) {
        return new JiraException(0, "search " + jql, List.of(), "The search '" + jql + "' found more than "
                + PAGE_SIZE * MAX_PAGES + " issues, more than Bulwark's tickets for one image should ever be;"
                + " check that no other tool puts Bulwark's labels on issues");
    }
}
