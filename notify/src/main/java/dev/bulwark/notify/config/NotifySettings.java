package dev.bulwark.notify.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who hears about a gate's verdict: the policy's {@code notify:} section, read from a YAML or JSON tree.
 * Secrets appear only by reference ({@code …Env} or {@code …File}); {@link Secrets} reads them.
 *
 * @param slack Slack, when configured
 * @param jira  Jira, when configured
 */
public record NotifySettings(Optional<SlackSettings> slack, Optional<JiraConfig> jira) {

    private static final Set<String> KEYS = Set.of("slack", "jira");

    public NotifySettings {
        slack = Objects.requireNonNullElse(slack, Optional.empty());
        jira = Objects.requireNonNullElse(jira, Optional.empty());
    }

    /** Nobody is told anything. */
    public static NotifySettings none() {
        return new NotifySettings(Optional.empty(), Optional.empty());
    }

    /**
     * Reads the {@code notify:} section.
     *
     * @param notify the section's tree; {@code null} or a missing node means no notifications
     * @throws NotifyConfigException naming the setting that is wrong and how to fix it
     */
    public static NotifySettings parse(JsonNode notify) {
        if (notify == null || notify.isMissingNode() || notify.isNull()) {
            return none();
        }
        ConfigNode node = ConfigNode.of(notify, "notify");
        node.allowOnly(KEYS);
        return new NotifySettings(node.child("slack").map(SlackSettings::read), node.child("jira").map(JiraConfig::read));
    }
}
