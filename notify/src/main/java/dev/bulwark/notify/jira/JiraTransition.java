package dev.bulwark.notify.jira;

import java.util.Objects;
import java.util.Optional;

/**
 * A workflow transition the issue can take from its current status.
 *
 * @param id           the transition's ID (IDs differ between workflows, hence the lookup by name)
 * @param name         its name as the workflow shows it ({@code Done}, {@code Close Issue})
 * @param resolutionId the resolution to set when the transition's screen requires one, as Data Center
 *                     workflows often do; empty when none is required
 */
public record JiraTransition(String id, String name, Optional<String> resolutionId) {

    public JiraTransition {
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
        resolutionId = Objects.requireNonNullElse(resolutionId, Optional.empty());
    }
}
