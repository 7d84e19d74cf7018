package dev.bulwark.notify.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.policy.text.Numbers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Jira answer that is not 2xx into an exception that says what went wrong and what to do, quoting
 * Jira's own {@code {"errorMessages": [...], "errors": {...}}}. Temporary conditions (429, 5xx) become a
 * {@link JiraRetryLater}; everything else a {@link JiraException}.
 */
final class JiraErrors {

    private final JiraSettings settings;

    JiraErrors(JiraSettings settings) {
        this.settings = settings;
    }

    RuntimeException of(HttpResponse<String> response, String request, JiraHttp.Call call) {
        int status = response.statusCode();
        List<String> messages = messages(response.body());
        String quoted = messages.isEmpty() ? "Jira gave no reason" : "Jira says: " + String.join("; ", messages);
        return switch (status) {
            case 400 -> new JiraException(status, request, messages,
                    "Jira refused " + request + " as invalid (400). " + quoted + ". " + call.fixHint());
            case 401 -> new JiraException(status, request, messages,
                    "Jira did not accept the credentials for " + request + " (401). " + quoted + ". " + credentialsAdvice());
            case 403 -> new JiraException(status, request, messages,
                    "Jira forbade " + request + " (403). " + quoted + ". " + credentialsAdvice());
            case 404 -> new JiraException(status, request, messages, "Jira found no " + call.resource() + " (404 for "
                    + request + "). " + quoted + ". Check that it exists and that the user Bulwark signs in as may browse"
                    + " it: Jira answers 404, not 403, for what a user may not see");
            case 410 -> new JiraException(status, request, messages,
                    "Jira has removed " + request + " (410 Gone). " + quoted + ". " + removedAdvice());
            case 429, 500, 502, 503, 504 -> retryLater(response, request, quoted);
            default -> status / 100 == 3 ? redirected(response, request) : new JiraException(status, request, messages,
                    "Jira answered " + request + " with HTTP " + status + ". " + quoted + ".");
        };
    }

    private String credentialsAdvice() {
        String project = " and that this user may browse, create, comment on and transition issues in project "
                + settings.projectKey();
        return switch (settings.flavour()) {
            case CLOUD -> "Check the e-mail address (" + settings.credentials().principal() + ") and the API token in the"
                    + " Jira settings (API tokens expire; make a new one at id.atlassian.com under Security, API tokens)"
                    + project;
            case DATA_CENTER -> "Check the personal access token in the Jira settings (it may have expired or been"
                    + " revoked; make a new one in Jira under Profile, Personal Access Tokens)" + project;
        };
    }

    private String removedAdvice() {
        return switch (settings.flavour()) {
            case CLOUD -> "Atlassian retires Jira Cloud endpoints after a deprecation period; upgrade Bulwark to a"
                    + " release that uses the replacement";
            case DATA_CENTER -> "Jira Cloud removed this endpoint; if " + settings.baseUrl() + " is a Jira Cloud site,"
                    + " set the Jira flavour to CLOUD (with an e-mail address and API token)";
        };
    }

    private RuntimeException retryLater(HttpResponse<String> response, String request, String quoted) {
        Optional<Duration> wait = response.headers().firstValue("Retry-After").flatMap(JiraErrors::parseRetryAfter);
        String when = wait.map(d -> "; Jira asks to retry after " + d.toSeconds() + " s").orElse("; retry later");
        String why = response.statusCode() == 429 ? "is rate-limiting Bulwark" : "is unavailable";
        return new JiraRetryLater(response.statusCode(), wait,
                "Jira " + why + " (" + response.statusCode() + " for " + request + "). " + quoted + when, null);
    }

    private JiraException redirected(HttpResponse<String> response, String request) {
        String target = response.headers().firstValue("Location").orElse("another address");
        return new JiraException(response.statusCode(), request, List.of(), "Jira redirected " + request + " to "
                + target + ". Set the Jira base URL to the address Jira lives at (Bulwark does not follow redirects, so"
                + " that credentials go only to the configured site)");
    }

    /** {@code Retry-After} is either seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        if (text.matches("\\d{1,18}")) {
            return Optional.of(Duration.ofSeconds(Numbers.parseLong(text, "Retry-After")));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** Jira's {@code errorMessages}, then {@code errors} as {@code field: message}; also the gateway's {@code message}. */
    static List<String> messages(String body) {
        List<String> messages = new ArrayList<>();
        JsonNode json = readQuietly(body);
        json.path("errorMessages").forEach(message -> messages.add(message.asText()));
        json.path("errors").properties().forEach(field -> messages.add(field.getKey() + ": " + field.getValue().asText()));
        if (json.path("message").isTextual()) {
            messages.add(json.path("message").asText());
        }
        messages.removeIf(String::isBlank);
        return messages;
    }

    private static JsonNode readQuietly(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return JiraHttp.JSON.createObjectNode();
        }
        try {
            return JiraHttp.JSON.readTree(body);
        } catch (java.io.IOException notJson) {
            // An HTML error page from a proxy: its text helps nobody, the status says enough.
            return JiraHttp.JSON.createObjectNode();
        }
    }
}
