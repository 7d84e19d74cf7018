package dev.bulwark.agent.profile;

import com.github.dockerjava.api.DockerClient;
import dev.bulwark.policy.profile.ProfileDocument;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.promote.ProfileAttachment;
import dev.bulwark.scanner.source.RegistryRepository;
import dev.bulwark.scanner.source.RegistryTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the profiles CI learned for an image ({@code bulwark promote --profile}) in the registries it was pulled from:
 * for each of the image's repository digests, the profile attached to that digest, with the credentials
 * {@code docker login} stored. A registry that cannot be reached or answers nonsense is passed over with a warning:
 * the host then learns the image as it would without.
 */
public final class AttachedProfiles {

    /**
     * Short, and not tried again: the judging of the image's containers waits for the answer, and a registry that
     * refuses the connection (one that has gone) would otherwise hold it for eight seconds of retries each.
     */
    static final RegistryTimeouts TIMEOUTS = new RegistryTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), 16 << 10,
            Optional.of(0));

    /**
     * The profiles found for one image.
     *
     * @param where     the repository digest they are attached to ({@code registry/repository@sha256:…})
     * @param documents the profiles for this image, one per workload CI ran it as
     */
    public record Found(String where, List<ProfileDocument> documents) {
    }

    private final DockerClient docker;
    private final Set<String> insecureRegistries;
    private final Consumer<String> warn;

    public AttachedProfiles(DockerClient docker, Set<String> insecureRegistries, Consumer<String> warn) {
        this.docker = docker;
        this.insecureRegistries = Set.copyOf(insecureRegistries);
        this.warn = warn;
    }

    /**
     * The profiles attached to the image (its ID, {@code sha256:…}) in a registry it came from, if any.
     *
     * @throws IllegalStateException when none was found and a registry could not be asked (it may have one): the
     *                               caller learns the image meanwhile and asks again later
     */
    public Optional<Found> lookup(String imageId) {
        List<String> repoDigests = Optional.ofNullable(docker.inspectImageCmd(imageId).exec().getRepoDigests()).orElse(List.of());
        List<String> failed = new ArrayList<>();
        for (String repoDigest : repoDigests) {
            try {
                ImageRef ref = ImageRef.parse(repoDigest);
                String digest = ref.optionalDigest().orElseThrow();
                Optional<byte[]> yaml = ProfileAttachment.read(RegistryRepository.of(ref, insecureRegistries, TIMEOUTS), digest);
                if (yaml.isEmpty()) {
                    continue;
                }
                List<ProfileDocument> mine = ProfileDocuments.readAll(repoDigest, yaml.get()).stream()
                        .filter(document -> imageId.equals(document.metadata().image())).toList();
                if (mine.isEmpty()) {
                    warn.accept("the profiles attached to " + repoDigest + " are for another image, not " + imageId
                            + ": not used (attach the profiles learned from this very image)");
                    continue;
                }
                return Optional.of(new Found(repoDigest, mine));
            } catch (RuntimeException e) {
                failed.add(repoDigest + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("could not ask " + String.join("; ", failed));
        }
        return Optional.empty();
    }
}
