package dev.bulwark.policy.vuln;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an image declares about itself, from its configuration: what the image rules judge.
 *
 * @param reference    the image reference as scanned
 * @param user         the configured USER, empty when none (which means root)
 * @param labels       the image labels
 * @param exposedPorts the EXPOSEd ports as Docker writes them ({@code 8080/tcp})
 * @param sizeBytes    the image size
 * @param distro       the OS release found in the image, if any
 */
public record ImageFacts(String reference, String user, Map<String, String> labels, Set<String> exposedPorts,
                         long sizeBytes, Optional<Distro> distro) {

    public ImageFacts {
        reference = Objects.requireNonNullElse(reference, "");
        user = Objects.requireNonNullElse(user, "").strip();
        labels = Map.copyOf(new TreeMap<>(Objects.requireNonNullElse(labels, Map.of())));
        exposedPorts = Set.copyOf(new TreeSet<>(Objects.requireNonNullElse(exposedPorts, Set.of())));
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("image size cannot be negative: " + sizeBytes);
        }
        distro = Objects.requireNonNullElse(distro, Optional.empty());
    }

    /** Facts for an image of which only the reference is known. */
    public static ImageFacts unknown(String reference) {
        return new ImageFacts(reference, "", Map.of(), Set.of(), 0, Optional.empty());
    }

    /** Whether the image's processes start as root: no USER, {@code root}, or UID 0 (with or without a group). */
    public boolean runsAsRoot() {
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.isEmpty() || name.equals("root") || name.equals("0");
    }

    /**
     * An operating-system release as {@code /etc/os-release} names it.
     *
     * @param id        the {@code ID}: debian, ubuntu, alpine, …
     * @param versionId the {@code VERSION_ID}: 12, 22.04, 3.20.3, …
     */
    public record Distro(String id, String versionId) {
        public Distro {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(versionId, "versionId");
        }

        @Override
        public String toString() {
            return id + " " + versionId;
        }
    }
}
