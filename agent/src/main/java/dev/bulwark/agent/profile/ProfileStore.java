package dev.bulwark.agent.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileKey;
import dev.bulwark.policy.profile.ProfileState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Profiles on disk: one JSON file per image and workload under {@code STATE_DIR/profiles/}, written to a temporary
 * file and renamed, so a crash never leaves half a profile.
 */
public final class ProfileStore {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path directory;

    private ProfileStore(Path directory) {
        this.directory = directory;
    }

    /** The store under the agent's state directory (created when missing). */
    public static ProfileStore open(Path stateDir) {
        Path directory = stateDir.resolve("profiles");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the profile directory " + directory
                    + ": check that the agent's --state-dir is writable", e);
        }
        return new ProfileStore(directory);
    }

    public Path directory() {
        return directory;
    }

    public Optional<Profile> load(ProfileKey key) {
        Path file = fileOf(key);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** When the profile's file last changed (empty when there is none): an operator's import or mode change shows here. */
    public Optional<java.nio.file.attribute.FileTime> modified(ProfileKey key) {
        try {
            return Optional.of(Files.getLastModifiedTime(fileOf(key)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(Profile profile) {
        Path file = fileOf(profile.key());
        Path temporary = directory.resolve("." + file.getFileName() + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), profile.state());
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every stored profile, newest change first. */
    public List<Profile> all() {
        List<Profile> profiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".json") && !file.getFileName().toString().startsWith("."))
                    .forEach(file -> profiles.add(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list profiles in " + directory + ": " + e.getMessage(), e);
        }
        profiles.sort(Comparator.comparing(Profile::updated).reversed());
        return profiles;
    }

    /** The most recently changed profile of another image of the same repository and workload: what a new version inherits. */
    public Optional<Profile> previousVersion(ProfileKey key) {
        if (key.repository().isEmpty()) {
            return Optional.empty();
        }
        return all().stream().filter(p -> p.key().repository().equals(key.repository()) && p.key().workload().equals(key.workload())
                && !p.key().image().equals(key.image())).findFirst();
    }

    private Profile read(Path file) {
        try {
            return Profile.of(JSON.readValue(file.toFile(), ProfileState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile " + file + " (" + e.getMessage()
                    + "): move it aside and the agent relearns the profile", e);
        }
    }

    private Path fileOf(ProfileKey key) {
        return directory.resolve(key.fileName() + ".json");
    }
}
