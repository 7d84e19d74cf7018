package dev.bulwark.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.profile.Prior;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileKey;
import dev.bulwark.policy.profile.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path state;

    @Test
    void aSavedProfileLoadsBackWithWhatItLearnedAndLeavesNoTemporaryFile() throws Exception {
        ProfileStore store = ProfileStore.open(state);
        ProfileKey key = new ProfileKey("shop/web", "sha256:" + "a".repeat(64), "compose:shop/web");
        Profile profile = Profile.fresh(key, new Prior(List.of("/usr/bin/python3.11"), List.of("tcp:8000"), null, null, ""), "fp", AT);

        store.save(profile);

        Profile loaded = store.load(key).orElseThrow();
        assertThat(loaded.knows(Signal.EXECUTABLES, "/usr/bin/python3.11")).isTrue();
        assertThat(loaded.runtimeFingerprint()).isEqualTo("fp");
        try (var files = Files.list(store.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(key.fileName() + ".json");
        }
    }

    @Test
    void aNewImageOfTheSameRepositoryAndWorkloadFindsThePreviousVersion() {
        ProfileStore store = ProfileStore.open(state);
        ProfileKey old = new ProfileKey("shop/web", "sha256:" + "a".repeat(64), "compose:shop/web");
        ProfileKey otherWorkload = new ProfileKey("shop/web", "sha256:" + "a".repeat(64), "compose:shop/admin");
        store.save(Profile.fresh(old, Prior.none(), "fp", AT));
        store.save(Profile.fresh(otherWorkload, Prior.none(), "fp", AT));

        Optional<Profile> previous = store.previousVersion(new ProfileKey("shop/web", "sha256:" + "b".repeat(64), "compose:shop/web"));

        assertThat(previous).map(Profile::key).contains(old);
    }

    @Test
    void theCatalogFindsAProfileByRepositoryAndAsksForAWorkloadWhenThereAreSeveral() {
        ProfileStore store = ProfileStore.open(state);
        store.save(Profile.fresh(new ProfileKey("shop/web", "sha256:" + "a".repeat(64), "compose:shop/web"), Prior.none(), "f", AT));
        store.save(Profile.fresh(new ProfileKey("shop/web", "sha256:" + "a".repeat(64), "compose:shop/admin"), Prior.none(), "f", AT));
        ProfileCatalog catalog = new ProfileCatalog(store);

        assertThat(catalog.find("shop/web:1.2", Optional.of("compose:shop/admin")).key().workload()).isEqualTo("compose:shop/admin");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.find("shop/web", Optional.empty()))
                .hasMessageContaining("--workload").hasMessageContaining("compose:shop/web");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.find("shop/api", Optional.empty()))
                .hasMessageContaining("no profile for shop/api");
    }
}
