package dev.bulwark.notify.jira;

import java.net.http.HttpClient;
import java.util.List;

/**
 * The few Jira operations Bulwark's tickets need, the same for Jira Cloud and Data Center.
 *
 * <p>Every method throws {@link JiraException} when Jira refuses for a reason that needs fixing (settings,
 * credentials, permissions, workflow) and {@link JiraRetryLater} when Jira is rate-limiting or unavailable.
 */
public interface JiraApi {

    /** Fails with a {@link JiraException} naming the project when it does not exist or the user may not see it. */
    void requireProject(String projectKey);

    /** Every issue the JQL query finds, all pages, with labels and status category. */
    List<JiraIssue> search(String jql);

    /** Creates the ticket and returns its key ({@code SEC-12}). */
    String create(NewTicket ticket);

    /** Adds a comment to the issue. */
    void comment(String issueKey, RichText body);

    /** The transitions the issue can take from its current status. */
    List<JiraTransition> transitions(String issueKey);

    /** Moves the issue along the transition, setting the resolution when the transition requires one. */
    void transition(String issueKey, JiraTransition transition);

    /** The API for the settings' flavour, over a new HTTP client. */
    static JiraApi connect(JiraSettings settings) {
        return connect(settings, JiraHttp.defaultClient());
    }

    /** The API for the settings' flavour, over the given HTTP client (which should not follow redirects). */
    static JiraApi connect(JiraSettings settings, HttpClient client) {
        JiraHttp http = new JiraHttp(settings, client, JiraHttp.DEFAULT_TIMEOUT);
        return switch (settings.flavour()) {
            case CLOUD -> new JiraCloudApi(http, settings);
            case DATA_CENTER -> new JiraDataCenterApi(http, settings);
        };
    }
}
