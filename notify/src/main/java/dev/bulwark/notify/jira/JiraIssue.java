package dev.bulwark.notify.jira;

import java.util.Objects;
import java.util.Set;

/**
 * A ticket as a search finds it: enough to tell whether it is Bulwark's and whether it is still open.
 *
 * @param key    the issue key ({@code SEC-12})
 * @param labels its labels
 * @param done   whether its status is in the "done" category (resolved, closed, won't fix, …)
 */
public record JiraIssue(String key, Set<String> labels, boolean done) {

    public JiraIssue {
        Objects.requireNonNull(key, "key");
        labels = Set.copyOf(labels);
    }
}
