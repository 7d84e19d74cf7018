package dev.bulwark.notify.jira;

import java.util.Collection;
import java.util.stream.Collectors;

/** The two JQL queries Bulwark runs, with every value quoted. */
final class Jql {

    private Jql() {
    }

    /** The project's issues that carry any of the labels, whatever their status. */
    static String withAnyLabel(String projectKey, Collection<String> labels) {
        return "project = " + quote(projectKey) + " AND labels in ("
                + labels.stream().map(Jql::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** The project's open Bulwark issues that carry the scope label. */
    static String openWithLabel(String projectKey, String scopeLabel) {
        return "project = " + quote(projectKey) + " AND labels = " + quote(JiraLabels.BULWARK)
                + " AND labels = " + quote(scopeLabel) + " AND statusCategory != Done";
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
