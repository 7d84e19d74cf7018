package dev.bulwark.scanner.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.source.RegistryRepository;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches a verdict to an image ({@link Attachments}), under the tag {@code sha256-<hex>.bulwark-verdict}. The
 * artifact's one layer is the verdict as JSON; its annotations repeat the essentials.
 */
public final class VerdictAttachment {

    public static final String ARTIFACT_TYPE = "application/vnd.bulwark.verdict.v1+json";
    private static final Attachments ATTACHMENTS = new Attachments(ARTIFACT_TYPE, "bulwark-verdict");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private VerdictAttachment() {
    }

    /** The tag the verdict of an image digest is stored under. */
    public static String tagFor(String imageDigest) {
        return ATTACHMENTS.tagFor(imageDigest);
    }

    /** Attaches the verdict to the image with this manifest (already in the repository). */
    public static String attach(RegistryRepository repository, RegistryRepository.Manifest image, AttachedVerdict verdict) {
        byte[] verdictJson;
        try {
            verdictJson = JSON.writeValueAsBytes(verdict);
        } catch (IOException e) {
            throw new ImageFormatException("writing the verdict for " + image.digest() + ": " + e.getMessage(), e);
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("dev.bulwark.verdict", verdict.verdict());
        annotations.put("dev.bulwark.stage", verdict.stage());
        annotations.put("dev.bulwark.policy.digest", verdict.policyDigest());
        annotations.put("dev.bulwark.version", verdict.bulwarkVersion());
        annotations.put("org.opencontainers.image.created", verdict.judgedAt().toString());
        return ATTACHMENTS.attach(repository, image, verdictJson, annotations);
    }

    /** The verdict attached to an image digest, if any. */
    public static Optional<AttachedVerdict> read(RegistryRepository repository, String imageDigest) {
        Optional<byte[]> bytes = ATTACHMENTS.read(repository, imageDigest);
        try {
            return bytes.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(bytes.get(), AttachedVerdict.class));
        } catch (IOException e) {
            throw new ImageFormatException("reading the verdict of " + imageDigest + ": " + e.getMessage(), e);
        }
    }
}
