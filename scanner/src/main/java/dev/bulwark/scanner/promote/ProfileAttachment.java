package dev.bulwark.scanner.promote;

import dev.bulwark.scanner.source.RegistryRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches the behaviour profiles learned in CI to an image ({@link Attachments}), under the tag
 * {@code sha256-<hex>.bulwark-profile}: the reviewed YAML exactly as written, so what agents start from is what was
 * reviewed. Agents look for it when a container of an image they have no profile for starts.
 */
public final class ProfileAttachment {

    public static final String ARTIFACT_TYPE = "application/vnd.bulwark.profile.v1+yaml";
    private static final Attachments ATTACHMENTS = new Attachments(ARTIFACT_TYPE, "bulwark-profile");

    private ProfileAttachment() {
    }

    /** The tag the profiles of an image digest are stored under. */
    public static String tagFor(String imageDigest) {
        return ATTACHMENTS.tagFor(imageDigest);
    }

    /** Attaches the profile YAML to the image with this manifest (already in the repository). */
    public static String attach(RegistryRepository repository, RegistryRepository.Manifest image, byte[] yaml,
                                int profiles, String bulwarkVersion, Instant at) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("dev.bulwark.profiles", Integer.toString(profiles));
        annotations.put("dev.bulwark.version", bulwarkVersion);
        annotations.put("org.opencontainers.image.created", at.toString());
        return ATTACHMENTS.attach(repository, image, yaml, annotations);
    }

    /** The profile YAML attached to an image digest, if any. */
    public static Optional<byte[]> read(RegistryRepository repository, String imageDigest) {
        return ATTACHMENTS.read(repository, imageDigest);
    }
}
