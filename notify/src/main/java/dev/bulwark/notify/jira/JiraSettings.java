package dev.bulwark.notify.jira;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how Bulwark files tickets.
 *
 * @param baseUrl              the site ({@code https://example.atlassian.net}, or {@code https://jira.example.com/jira}
 *                             with a Data Center context path)
 * @param flavour              Jira Cloud (REST v3, Atlassian Document Format) or Data Center (REST v2, wiki markup)
 * @param projectKey           the project tickets go to ({@code SEC})
 * @param issueType            the issue type's name ({@code Bug} by default)
 * @param labels               labels to add to every ticket, beside the ones Bulwark needs to find its tickets again
 * @param doneTransition       the name of the workflow transition that resolves a ticket ({@code Done} by default),
 *                             matched without regard to case
 * @param grouping             one ticket per vulnerability, or one per build
 * @param credentials          who signs in; must suit the flavour
 */
public record JiraSettings(URI baseUrl, Flavour flavour, String projectKey, String issueType, List<String> labels,
                           String doneTransition, Grouping grouping, JiraCredentials credentials) {

    /** The issue type used when none is configured. */
    public static final String DEFAULT_ISSUE_TYPE = "Bug";
    /** The transition name used when none is configured. */
    public static final String DEFAULT_DONE_TRANSITION = "Done";

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]+");

    /** Which Jira Bulwark talks to. */
    public enum Flavour {
        /** Jira Cloud ({@code *.atlassian.net}): REST v3, descriptions in Atlassian Document Format, e-mail + API token. */
        CLOUD,
        /** Jira Data Center or Server: REST v2, descriptions in wiki markup, personal access token. */
        DATA_CENTER
    }

    /** How findings map to tickets. */
    public enum Grouping {
        /** One ticket per image repository and vulnerability, kept across builds. */
        PER_VULNERABILITY,
        /** One ticket per image repository, stage and build, listing that build's blocking vulnerabilities. */
        PER_BUILD
    }

    public JiraSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("Jira base URL '" + baseUrl + "' must start with https:// (or http://)");
        }
        Objects.requireNonNull(flavour, "flavour");
        projectKey = Objects.requireNonNullElse(projectKey, "").strip().toUpperCase(Locale.ROOT);
        if (!PROJECT_KEY.matcher(projectKey).matches()) {
            throw new IllegalArgumentException("'" + projectKey + "' is not a Jira project key: use the key shown in the"
                    + " project's issue keys, such as SEC for SEC-12");
        }
        issueType = textOr(issueType, DEFAULT_ISSUE_TYPE);
        labels = List.copyOf(Objects.requireNonNullElse(labels, List.of()));
        labels.forEach(JiraSettings::requireLabel);
        doneTransition = textOr(doneTransition, DEFAULT_DONE_TRANSITION);
        grouping = Objects.requireNonNullElse(grouping, Grouping.PER_VULNERABILITY);
        Objects.requireNonNull(credentials, "credentials");
        requireCredentialsFor(flavour, credentials);
    }

    /** Jira Cloud settings with the default issue type, transition and grouping. */
    public static JiraSettings cloud(URI baseUrl, String projectKey, String email, String apiToken) {
        return new JiraSettings(baseUrl, Flavour.CLOUD, projectKey, null, List.of(), null, null,
                new JiraCredentials.CloudApiToken(email, apiToken));
    }

    /** Jira Data Center settings with the default issue type, transition and grouping. */
    public static JiraSettings dataCenter(URI baseUrl, String projectKey, String personalAccessToken) {
        return new JiraSettings(baseUrl, Flavour.DATA_CENTER, projectKey, null, List.of(), null, null,
                new JiraCredentials.PersonalAccessToken(personalAccessToken));
    }

    /** These settings with other labels added to every ticket. */
    public JiraSettings withLabels(List<String> extraLabels) {
        return new JiraSettings(baseUrl, flavour, projectKey, issueType, extraLabels, doneTransition, grouping, credentials);
    }

    /** These settings with another grouping. */
    public JiraSettings withGrouping(Grouping newGrouping) {
        return new JiraSettings(baseUrl, flavour, projectKey, issueType, labels, doneTransition, newGrouping, credentials);
    }

    /** These settings with another issue type and done transition. */
    public JiraSettings withWorkflow(String newIssueType, String newDoneTransition) {
        return new JiraSettings(baseUrl, flavour, projectKey, newIssueType, labels, newDoneTransition, grouping, credentials);
    }

    private static String textOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static void requireLabel(String label) {
        if (label == null || label.isBlank() || label.chars().anyMatch(Character::isWhitespace) || label.length() > 255) {
            throw new IllegalArgumentException("'" + label + "' cannot be a Jira label: labels have no spaces and at most 255 characters");
        }
    }

    private static void requireCredentialsFor(Flavour flavour, JiraCredentials credentials) {
        if (credentials.flavour() != flavour) {
            throw new IllegalArgumentException(flavour == Flavour.CLOUD
                    ? "Jira Cloud signs in with an e-mail address and API token, not a personal access token"
                    : "Jira Data Center signs in with a personal access token, not an e-mail address and API token");
        }
    }
}
