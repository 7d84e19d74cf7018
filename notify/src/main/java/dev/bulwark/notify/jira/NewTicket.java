package dev.bulwark.notify.jira;

import java.util.List;
import java.util.Objects;

/**
 * A ticket to create.
 *
 * @param projectKey  the project ({@code SEC})
 * @param issueType   the issue type's name ({@code Bug})
 * @param summary     the one-line summary, at most 255 characters as Jira requires
 * @param description the description
 * @param labels      the labels, among them the ones Bulwark finds the ticket by
 */
public record NewTicket(String projectKey, String issueType, String summary, RichText description, List<String> labels) {

    /** Jira's limit on a summary's length. */
    public static final int MAX_SUMMARY = 255;

    public NewTicket {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(issueType, "issueType");
        Objects.requireNonNull(summary, "summary");
        summary = summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
        Objects.requireNonNull(description, "description");
        labels = List.copyOf(labels);
    }
}
