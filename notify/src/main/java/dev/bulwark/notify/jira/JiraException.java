package dev.bulwark.notify.jira;

import java.util.List;

/**
 * Jira refused what Bulwark asked, and asking again unchanged will not help: the settings, the credentials,
 * the user's permissions or the project's workflow need fixing first. The message says which.
 *
 * <p>Messages quote Jira's own {@code errorMessages} and {@code errors} but never a credential.
 */
public final class JiraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String request;
    private final List<String> jiraMessages;

    /**
     * @param status       the HTTP status, or 0 when no HTTP exchange failed (a missing transition, say)
     * @param request      what was asked ({@code POST /rest/api/3/issue}), or the operation
     * @param jiraMessages Jira's own error messages, fields first as {@code field: message}
     * @param message      the whole message, saying what to fix
     */
    public JiraException(int status, String request, List<String> jiraMessages, String message) {
        super(message);
        this.status = status;
        this.request = request;
        this.jiraMessages = List.copyOf(jiraMessages);
    }

    /** The HTTP status Jira answered with, or 0 when the problem was found without one. */
    public int status() {
        return status;
    }

    /** The request that failed ({@code POST /rest/api/3/issue}). */
    public String request() {
        return request;
    }

    /** Jira's own error messages, as it wrote them. */
    public List<String> jiraMessages() {
        return jiraMessages;
    }
}
