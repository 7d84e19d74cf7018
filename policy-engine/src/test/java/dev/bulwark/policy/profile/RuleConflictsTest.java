package dev.bulwark.policy.profile;

import static dev.bulwark.policy.profile.ProfileFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.runtime.Outbound;
import dev.bulwark.policy.runtime.RuntimeRule;
import dev.bulwark.policy.runtime.RuntimeRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explicit rules put to what a profile learned, as the agent would put the behaviour itself. */
class RuleConflictsTest {

    @Test
    void aWritablePathsRuleThatWouldBlockTheServicesOwnLogIsAConflictWithHowOftenItWasSeen() {
        Profile profile = ProfileFixtures.fresh();
        ProfileFixtures.normalTraffic(profile, START, Duration.ofMinutes(2));
        RuntimeRules strict = new RuntimeRules(List.of(), List.of(), null, List.of(), List.of("/tmp/**", "/var/tmp/**", "/run/**"));

        List<RuleConflicts.Conflict> conflicts = RuleConflicts.of(strict, profile);

        assertThat(conflicts).extracting(RuleConflicts.Conflict::item).containsExactlyInAnyOrder("/var/log/app/access.log", "/data/**");
        RuleConflicts.Conflict log = conflicts.stream().filter(c -> c.item().equals("/var/log/app/access.log")).findFirst().orElseThrow();
        assertThat(log.rule()).isEqualTo(RuntimeRule.WRITABLE_PATHS);
        long seen = profile.items(Signal.WRITES).get("/var/log/app/access.log").intervals();
        assertThat(seen).isGreaterThan(1);
        assertThat(log.intervals()).isEqualTo(seen);
        assertThat(log.describe()).startsWith("writablePaths would block writes /var/log/app/access.log, which the profile learned as"
                + " normal (seen in " + seen + " intervals): a write of /var/log/app/access.log, which matches nothing in writablePaths");
        assertThat(conflicts.stream().filter(c -> c.item().equals("/data/**")).findFirst().orElseThrow().describe())
                .contains("declared by the image");
    }

    @Test
    void deniedProgramsPeersAndPortsTheProfileKnowsAreConflictsAndWhatTheRulesAllowIsNot() {
        Profile profile = ProfileFixtures.fresh();
        ProfileFixtures.observe(profile, ProfileFixtures.connect(START, "10.0.0.7", 5432), "");
        ProfileFixtures.observe(profile, ProfileFixtures.connect(START, "fd00::7", 443), "");
        RuntimeRules rules = new RuntimeRules(List.of("**/curl"), List.of(), new Outbound(List.of(),
                List.of("10.0.0.0/8:5432", "[fd00::]/8")), List.of(9000), List.of());

        assertThat(RuleConflicts.of(rules, profile)).extracting(c -> c.rule().field() + " " + c.signal().word() + " " + c.item())
                .containsExactlyInAnyOrder("deniedExecutables healthchecks /usr/bin/curl", "outbound.deny outbound 10.0.0.7:5432",
                        "outbound.deny outbound [fd00::7]:443", "listeningPorts listening tcp:8000");
        assertThat(RuleConflicts.of(RuntimeRules.none(), profile)).isEmpty();
    }

    @Test
    void aLearnedPathStandsForTheFilesItCovers() {
        assertThat(RuleConflicts.samplePath("/var/log/app/**")).isEqualTo("/var/log/app/file");
        assertThat(RuleConflicts.samplePath("/var/lib/postgresql/data/base/*/*")).isEqualTo("/var/lib/postgresql/data/base/0/0");
    }
}
