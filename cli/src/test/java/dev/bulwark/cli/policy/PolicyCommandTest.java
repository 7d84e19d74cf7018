package dev.bulwark.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.cli.CliRun;
import dev.bulwark.policy.profile.Prior;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "policies");

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void validateAcceptsTheExamplePoliciesWithExitZero() {
        int exit = run("policy", "validate", EXAMPLES.resolve("production-strict.yaml").toString(),
                EXAMPLES.resolve("dev-lenient.yaml").toString());

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("valid policy 'production-strict' with stages dev → test → staging → production");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void validatePrintsFileLineColumnAndExitsTwoForABadPolicy() throws IOException {
        Path bad = temp.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: x}\nstages:\n  - name: dev\n    gaet: {}\n");

        int exit = run("policy", "validate", bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).startsWith(bad + ":6:5: unknown key 'gaet'").contains("did you mean 'gate'?")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateWarnsAboutAnExpiredException() throws IOException {
        Path expired = temp.resolve("expired.yaml");
        Files.writeString(expired, "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: x}\nstages: [{name: dev}]\n"
                + "exceptions: [{vulnerability: CVE-2020-1, expires: 2021-01-01, reason: r, owner: o}]\n");

        int exit = run("policy", "validate", expired.toString());

        assertThat(exit).isZero();
        assertThat(cli.err()).contains("warning: exception CVE-2020-1").contains("has expired");
    }

    @Test
    void validateRefusesASecretWrittenIntoTheNotifySection() throws IOException {
        Path inline = temp.resolve("inline.yaml");
        Files.writeString(inline, "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: x}\nstages: [{name: dev}]\n"
                + "notify:\n  slack: {webhookUrl: 'https://hooks.slack.com/services/T0/B0/secretvalue'}\n");

        int exit = run("policy", "validate", inline.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains(inline + ": notify: ").doesNotContain("secretvalue");
    }

    @Test
    void validateSaysWhenTheFileDoesNotExist() {
        int exit = run("policy", "validate", temp.resolve("missing.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("missing.yaml:0:0: no such file");
    }

    @Test
    void explainPrintsTheEffectiveRulesOfAStageAfterInheritance() {
        int exit = run("policy", "explain", EXAMPLES.resolve("production-strict.yaml").toString(), "--stage", "staging");

        assertThat(exit).isZero();
        assertThat(cli.out())
                .contains("# inherits from test → dev (nearest first)")
                .contains("promotesTo: production")
                .contains("fail: high")
                .contains("pkg:npm/event-stream@3.3.6")
                .contains("runAsRoot: fail")
                .doesNotContain("CVE-2023-44487");
    }

    @Test
    void explainWithProfilesSaysWhichLearnedBehaviourTheStrictPolicysRulesWouldBlock() throws IOException {
        Files.writeString(temp.resolve("agent.yaml"), "policy: " + EXAMPLES.resolve("production-strict.yaml").toAbsolutePath()
                + "\nstateDir: state\nmetricsPort: 0\n");
        ProfileStore.open(temp.resolve("state")).save(Profile.fresh(new ProfileKey("shop/web", "sha256:" + "b".repeat(64),
                "compose:shop/web"), new Prior(List.of("/usr/bin/python3.11"), List.of("tcp:8000"), List.of("/var/log/app/**"),
                List.of(), ""), "fp", Instant.parse("2026-01-01T00:00:00Z")));

        int exit = run("policy", "explain", EXAMPLES.resolve("production-strict.yaml").toString(), "--stage", "production",
                "--profiles", temp.resolve("agent.yaml").toString());

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("# runtime rules against the learned profiles in")
                .contains("#   bbbbbbbbbbbb (compose:shop/web): writablePaths would block writes /var/log/app/**, which the profile"
                        + " learned as normal (declared by the image)");
    }

    @Test
    void explainListsTheExceptionsThatApplyInTheStage() {
        int exit = run("policy", "explain", EXAMPLES.resolve("production-strict.yaml").toString(), "--stage", "test");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("vulnerability: CVE-2023-44487").contains("expires: 2027-03-31")
                .contains("owner: platform-team@example.com");
    }

    @Test
    void explainNamesTheStagesThatExistWhenGivenAnUnknownOne() {
        int exit = run("policy", "explain", EXAMPLES.resolve("dev-lenient.yaml").toString(), "--stage", "prod");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("stage 'prod' is not in the policy: use one of dev, test");
    }
}
