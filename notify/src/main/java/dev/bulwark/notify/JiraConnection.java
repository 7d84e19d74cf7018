package dev.bulwark.notify;

import dev.bulwark.notify.config.JiraConfig;
import dev.bulwark.notify.jira.JiraSettings;
import dev.bulwark.notify.config.Secret;
import dev.bulwark.notify.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Turns the policy's Jira settings (secrets by reference) into a connection's settings (secrets resolved). */
final class JiraConnection {

    private JiraConnection() {
    }

    /**
     * The resolved settings, and the derived secrets (the Basic credentials) that must be redacted too.
     */
    record Resolved(JiraSettings settings, List<Secret> derivedSecrets) {
    }

    static Resolved resolve(JiraConfig config, Secrets secrets) {
        Resolved connection = config.auth().match(cloud -> {
            String email = secrets.resolve(cloud.email()).reveal();
            String token = secrets.resolve(cloud.apiToken()).reveal();
            Secret basic = Secret.of(Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8)));
            return new Resolved(JiraSettings.cloud(config.url(), config.project(), email, token), List.of(basic));
        }, dataCenter -> new Resolved(JiraSettings.dataCenter(config.url(), config.project(),
                secrets.resolve(dataCenter.token()).reveal()), List.of()));
        JiraSettings settings = connection.settings().withGrouping(config.grouping()).withWorkflow(config.issueType(),
                config.doneTransition().orElse(JiraSettings.DEFAULT_DONE_TRANSITION));
        return new Resolved(settings, connection.derivedSecrets());
    }
}
