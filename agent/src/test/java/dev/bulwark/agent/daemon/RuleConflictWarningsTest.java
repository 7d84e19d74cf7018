package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.profile.Prior;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileKey;
import dev.bulwark.policy.runtime.RuntimeRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleConflictWarningsTest {

    @Test
    void theAgentWarnsAtStartOfEachLearnedBehaviourAnExplicitRuleWouldBlock() {
        Profile web = Profile.fresh(new ProfileKey("shop/web", "sha256:" + "c".repeat(64), "compose:shop/web"),
                new Prior(List.of("/usr/bin/python3.11"), List.of("tcp:8000"), List.of("/var/log/app/**"), List.of(), ""), "fp",
                Instant.parse("2026-01-01T00:00:00Z"));
        List<String> warnings = new ArrayList<>();

        int conflicts = RuleConflictWarnings.log(new RuntimeRules(List.of(), List.of(), null, List.of(),
                List.of("/tmp/**", "/var/tmp/**", "/run/**")), List.of(web), warnings::add);

        assertThat(conflicts).isOne();
        assertThat(warnings).singleElement().asString().startsWith("profile cccccccccccc (compose:shop/web): writablePaths would"
                + " block writes /var/log/app/**").contains("bulwark profile try --policy FILE");
    }
}
