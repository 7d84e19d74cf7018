package dev.bulwark.agent.profile;

import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.policy.profile.Signal;
import dev.bulwark.policy.runtime.RuntimeMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code bulwark profile} does with the agent's stored profiles: list them, pick one by image (repository,
 * {@code repository:tag}, image ID or its prefix) and workload, export it as YAML, import one (pinning it), and set
 * a mode. A running agent picks up imports and mode changes within seconds.
 */
public final class ProfileCatalog {

    private final ProfileStore store;

    public ProfileCatalog(ProfileStore store) {
        this.store = store;
    }

    public List<Profile> list() {
        return store.all();
    }

    /**
     * The profile of an image (and workload, when the image runs as more than one).
     *
     * @throws IllegalArgumentException when none matches or the choice is ambiguous, listing what there is
     */
    public Profile find(String image, Optional<String> workload) {
        String wanted = image.strip();
        String hex = wanted.startsWith("sha256:") ? wanted.substring(7) : wanted;
        String repository = Workloads.repository(wanted);
        List<Profile> matching = store.all().stream()
                .filter(p -> p.key().image().equals(wanted) || hex.length() >= 6 && p.key().image().replace("sha256:", "").startsWith(hex)
                        || p.key().repository().equals(repository) || p.key().repository().equals(wanted))
                .filter(p -> workload.isEmpty() || p.key().workload().equals(workload.get()))
                .toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no profile for " + image + workload.map(w -> " workload " + w).orElse("")
                    + " in " + store.directory() + ": the agent learns one once a container of it runs; `bulwark profile list`"
                    + " shows what there is");
        }
        // The newest image of a repository first (all() is newest first); one workload must be chosen.
        String newestImage = matching.get(0).key().image();
        List<Profile> newest = matching.stream().filter(p -> p.key().image().equals(newestImage)).toList();
        if (newest.size() > 1) {
            throw new IllegalArgumentException(image + " runs as " + newest.size() + " workloads; choose one with --workload: "
                    + newest.stream().map(p -> p.key().workload()).collect(Collectors.joining(", ")));
        }
        return newest.get(0);
    }

    /** The profile's YAML, written to the file (temporary file, then rename) when one is given. */
    public String export(Profile profile, Optional<Path> file) {
        String yaml = ProfileDocuments.write(profile);
        file.ifPresent(target -> writeAtomically(target, yaml));
        return yaml;
    }

    /** Reads a profile document and stores it pinned: it no longer learns, and its signals take the document's modes. */
    public Profile importFile(Path file, Instant at) {
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file + " (write one with `bulwark profile export`)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Profile profile = ProfileDocuments.read(file.toString(), yaml, at);
        store.save(profile);
        return profile;
    }

    /** Sets the mode of one signal, or of all; a mode beyond learn ends learning for it. */
    public Profile mode(Profile profile, Optional<Signal> signal, RuntimeMode mode, Instant at) {
        profile.pinMode(signal, mode, at);
        store.save(profile);
        return profile;
    }

    private static void writeAtomically(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
