package dev.bulwark.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.runtime.LearningSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileBookTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path state;
    @TempDir
    Path proc;

    private final List<String> log = new ArrayList<>();

    @Test
    void aTickWritesAProfileOnlyWhenItChanged() throws Exception {
        ProfileStore store = ProfileStore.open(state);
        ProfileBook book = new ProfileBook(store, new Priors(proc), LearningSettings.defaults(), log::add);
        Profile profile = book.profileOf(ProfileTestContainers.container(Map.of(), List.of("python3"), Map.of(), List.of(), 0), AT);
        book.tick(AT.plusSeconds(10));
        Path file = store.directory().resolve(profile.key().fileName() + ".json");
        assertThat(file).exists();

        Files.delete(file);
        book.tick(AT.plusSeconds(20));
        assertThat(file).as("an unchanged profile is not written again").doesNotExist();

        profile.relearn("other runtime parameters", AT.plusSeconds(25));
        book.tick(AT.plusSeconds(30));
        assertThat(file).as("a changed profile is written").exists();
        assertThat(store.load(profile.key()).orElseThrow().runtimeFingerprint()).isEqualTo("other runtime parameters");
    }

    @Test
    void aProfileChangedOnDiskIsTakenUpAtTheNextTick() throws Exception {
        ProfileStore store = ProfileStore.open(state);
        ProfileBook book = new ProfileBook(store, new Priors(proc), LearningSettings.defaults(), log::add);
        var container = ProfileTestContainers.container(Map.of(), List.of("python3"), Map.of(), List.of(), 0);
        Profile profile = book.profileOf(container, AT);
        book.tick(AT.plusSeconds(10));
        Path file = store.directory().resolve(profile.key().fileName() + ".json");

        Profile edited = store.load(profile.key()).orElseThrow();
        edited.relearn("edited by an operator", AT.plusSeconds(12));
        store.save(edited);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(AT.plusSeconds(3600)));
        book.tick(AT.plusSeconds(20));

        assertThat(log).anyMatch(line -> line.contains("changed on disk"));
        assertThat(book.inUse()).singleElement().extracting(Profile::runtimeFingerprint).isEqualTo("edited by an operator");
    }

    @Test
    void tellsTheProfilesInUseWhenTheClockIsStepped() {
        AtomicLong nanos = new AtomicLong();
        ProfileBook book = new ProfileBook(ProfileStore.open(state), new Priors(proc), LearningSettings.defaults(), log::add, nanos::get);
        book.profileOf(ProfileTestContainers.container(Map.of(), List.of("python3"), Map.of(), List.of(), 0), AT);
        book.tick(AT);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        book.tick(AT.plusSeconds(10));
        assertThat(log).noneMatch(line -> line.contains("stepped"));

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        book.tick(AT.plus(Duration.ofHours(3)).plusSeconds(20));

        assertThat(log).anyMatch(line -> line.contains("the clock was stepped by 10800 s: learning spans of 1 profiles are moved"));
    }
}
