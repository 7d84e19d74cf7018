package dev.bulwark.notify;

import dev.bulwark.notify.config.JiraSettings;
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
    record Resolved(dev.bulwark.notify.jira.JiraSettings settings, List<Secret> derivedSecrets) {
    }

    static Resolved resolve(JiraSettings settings, Secrets secrets) {
        dev.bulwark.notify.jira.JiraSettings resolved;
        List<Secret> derived = List.of();
        if (settings.auth() instanceof JiraSettings.JiraAuth.CloudApiToken cloud) {
            String email = secrets.resolve(cloud.email()).reveal();
            String token = secrets.resolve(cloud.apiToken()).reveal();
            derived = List.of(Secret.of(Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8))));
            resolved = dev.bulwark.notify.jira.JiraSettings.cloud(settings.url(), settings.project(), email, token);
        } else {
            JiraSettings.JiraAuth.PersonalAccessToken pat = (JiraSettings.JiraAuth.PersonalAccessToken) settings.auth();
            resolved = dev.bulwark.notify.jira.JiraSettings.dataCenter(settings.url(), settings.project(),
                    secrets.resolve(pat.token()).reveal());
        }
        dev.bulwark.notify.jira.JiraSettings.Grouping grouping = settings.grouping() == JiraSettings.Grouping.PER_BUILD
                ? dev.bulwark.notify.jira.JiraSettings.Grouping.PER_BUILD : dev.bulwark.notify.jira.JiraSettings.Grouping.PER_VULNERABILITY;
        return new Resolved(resolved.withGrouping(grouping).withWorkflow(settings.issueType(),
                settings.doneTransition().orElse(dev.bulwark.notify.jira.JiraSettings.DEFAULT_DONE_TRANSITION)), derived);
    }
}
