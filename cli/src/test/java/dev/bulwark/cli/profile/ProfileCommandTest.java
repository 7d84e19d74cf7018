package dev.bulwark.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.cli.CliRun;
import dev.bulwark.policy.profile.Prior;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileKey;
import dev.bulwark.policy.profile.Signal;
import dev.bulwark.policy.runtime.RuntimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bulwark profile list, export, import and mode against an agent state directory with one learned profile. */
class ProfileCommandTest {

    private static final ProfileKey KEY = new ProfileKey("shop/web", "sha256:" + "a".repeat(64), "compose:shop/web");

    @TempDir
    Path dir;

    private Path config;
    private final CliRun cli = new CliRun();

    @BeforeEach
    void storeAProfile() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: p}\n"
                + "stages: [{name: production}]\n");
        config = dir.resolve("agent.yaml");
        Files.writeString(config, "policy: policy.yaml\nstateDir: state\nmetricsPort: 0\n");
        ProfileStore.open(dir.resolve("state")).save(Profile.fresh(KEY, new Prior(List.of("/usr/bin/python3.11"),
                List.of("tcp:8000"), List.of("/data/**"), List.of("/usr/bin/curl"), ""), "fp", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void listsTheProfilesWithTheirStatusAndSignals() {
        assertThat(cli.run("profile", "list", "--config", config.toString())).isZero();

        assertThat(cli.out()).contains("aaaaaaaaaaaa  shop/web  compose:shop/web  learning").contains("executables learn");
    }

    @Test
    void listShowsEachLearnedBehaviourTheConfiguredPolicysRulesWouldBlock() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), STRICT);

        assertThat(cli.run("profile", "list", "--config", config.toString())).isZero();

        assertThat(cli.out()).contains("    conflict: writablePaths would block writes /data/**, which the profile learned as normal"
                + " (declared by the image): a write of /data/file, which matches nothing in writablePaths");
    }

    @Test
    void tryingAPolicyPrintsWhatItsRulesWouldBlockOfTheLearnedBehaviourAndExitsOne() throws Exception {
        Path strict = Files.writeString(dir.resolve("strict.yaml"), STRICT);

        assertThat(cli.run("profile", "try", "--policy", strict.toString(), "--config", config.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("aaaaaaaaaaaa (compose:shop/web): writablePaths would block writes /data/**")
                .contains("aaaaaaaaaaaa (compose:shop/web): deniedExecutables would block healthchecks /usr/bin/curl")
                .contains("would block 2 behaviours the 1 profiles learned as normal");

        Path lenient = Files.writeString(dir.resolve("lenient.yaml"), STRICT.replace("[/tmp/**]", "[/tmp/**, /data/**]")
                .replace("[\"**/curl\"]", "[\"**/nc\"]"));
        assertThat(cli.run("profile", "try", "--policy", lenient.toString(), "--config", config.toString())).isZero();
        assertThat(cli.out()).contains("would block nothing the 1 profiles learned as normal");
    }

    private static final String STRICT = "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: strict}\n"
            + "stages: [{name: production}]\nruntime:\n  rules:\n    writablePaths: [/tmp/**]\n    deniedExecutables: [\"**/curl\"]\n";

    @Test
    void exportsAProfileThatImportsBackPinned() throws Exception {
        Path exported = dir.resolve("web-profile.yaml");

        assertThat(cli.run("profile", "export", "shop/web:1.2", "--config", config.toString(), "-o", exported.toString())).isZero();
        String yaml = Files.readString(exported);
        assertThat(yaml).contains("kind: Profile").contains("allowedExecutables:").contains("/usr/bin/python3.11");

        Files.writeString(exported, yaml.replace("defaultMode: learn", "defaultMode: protect"));
        assertThat(cli.run("profile", "import", exported.toString(), "--config", config.toString())).isZero();
        Profile pinned = ProfileStore.open(dir.resolve("state")).load(KEY).orElseThrow();
        assertThat(pinned.pinned()).isTrue();
        assertThat(pinned.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.PROTECT);
    }

    @Test
    void setsTheModeOfOneSignal() {
        assertThat(cli.run("profile", "mode", "shop/web", "protect", "--signal", "outbound", "--config", config.toString())).isZero();

        Profile changed = ProfileStore.open(dir.resolve("state")).load(KEY).orElseThrow();
        assertThat(changed.mode(Signal.OUTBOUND)).isEqualTo(RuntimeMode.PROTECT);
        assertThat(changed.mode(Signal.EXECUTABLES)).isEqualTo(RuntimeMode.LEARN);
        assertThat(cli.out()).contains("outbound now protect");
    }

    @Test
    void anUnknownImageOrABadFileIsAUsageErrorThatSaysWhatToDo() throws Exception {
        assertThat(cli.run("profile", "export", "shop/api", "--config", config.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no profile for shop/api").contains("bulwark profile list");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: bulwark.dev/v1\nkind: Profile\nmetadata: {image: x, workload: w}\nruntime:\n  rulez: {}\n");
        cli.clear();
        assertThat(cli.run("profile", "import", bad.toString(), "--config", config.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("bad.yaml:5:3");
    }
}
