package dev.bulwark.scanner.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.source.MediaTypes;
import dev.bulwark.scanner.source.RegistryRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Attaches a verdict to an image as an OCI artifact whose {@code subject} is the image (an OCI 1.1 referrer),
 * stored under the tag {@code sha256-<hex>.bulwark-verdict} so registries without the referrers API find it
 * too. The artifact's one layer is the verdict as JSON; its annotations repeat the essentials.
 */
public final class VerdictAttachment {

    public static final String ARTIFACT_TYPE = "application/vnd.bulwark.verdict.v1+json";
    private static final String EMPTY_CONFIG = "application/vnd.oci.empty.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private VerdictAttachment() {
    }

    /** The tag the verdict of an image digest is stored under. */
    public static String tagFor(String imageDigest) {
        return imageDigest.replace(':', '-') + ".bulwark-verdict";
    }

    /** Attaches the verdict to the image with this manifest (already in the repository). */
    public static String attach(RegistryRepository repository, RegistryRepository.Manifest image, AttachedVerdict verdict) {
        try {
            byte[] verdictJson = JSON.writeValueAsBytes(verdict);
            byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
            putBlob(repository, config);
            putBlob(repository, verdictJson);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.put("artifactType", ARTIFACT_TYPE);
            manifest.set("config", descriptor(EMPTY_CONFIG, config));
            manifest.putArray("layers").add(descriptor(ARTIFACT_TYPE, verdictJson));
            ObjectNode subject = manifest.putObject("subject");
            subject.put("mediaType", image.mediaType());
            subject.put("digest", image.digest());
            subject.put("size", image.bytes().length);
            ObjectNode annotations = manifest.putObject("annotations");
            annotations.put("dev.bulwark.verdict", verdict.verdict());
            annotations.put("dev.bulwark.stage", verdict.stage());
            annotations.put("dev.bulwark.policy.digest", verdict.policyDigest());
            annotations.put("dev.bulwark.version", verdict.bulwarkVersion());
            annotations.put("org.opencontainers.image.created", verdict.judgedAt().toString());
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            return repository.putManifest(tagFor(image.digest()),
                    new RegistryRepository.Manifest(bytes, MediaTypes.OCI_MANIFEST, Digests.sha256(bytes)));
        } catch (IOException e) {
            throw new ImageFormatException("writing the verdict for " + image.digest() + ": " + e.getMessage(), e);
        }
    }

    /** The verdict attached to an image digest, if any. */
    public static Optional<AttachedVerdict> read(RegistryRepository repository, String imageDigest) {
        RegistryRepository.Manifest manifest;
        try {
            manifest = repository.manifest(tagFor(imageDigest));
        } catch (ImageFormatException notThere) {
            if (notThere.getMessage().contains("HTTP 404")) {
                return Optional.empty();
            }
            throw notThere;
        }
        try {
            var document = JSON.readTree(manifest.bytes());
            if (!imageDigest.equals(document.path("subject").path("digest").asText())) {
                throw new ImageFormatException("the verdict under " + tagFor(imageDigest) + " is about another image");
            }
            String layer = document.path("layers").path(0).path("digest").asText();
            try (InputStream in = repository.blob(layer).body()) {
                byte[] bytes = in.readAllBytes();
                if (!Digests.sha256(bytes).equals(layer)) {
                    throw new ImageFormatException("the verdict blob " + layer + " does not match its digest");
                }
                return Optional.of(JSON.readValue(bytes, AttachedVerdict.class));
            }
        } catch (IOException e) {
            throw new ImageFormatException("reading the verdict of " + imageDigest + ": " + e.getMessage(), e);
        }
    }

    private static void putBlob(RegistryRepository repository, byte[] bytes) {
        String digest = Digests.sha256(bytes);
        if (!repository.hasBlob(digest)) {
            repository.upload(digest, bytes.length, new ByteArrayInputStream(bytes));
        }
    }

    private static ObjectNode descriptor(String mediaType, byte[] bytes) {
        ObjectNode descriptor = JSON.createObjectNode();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", Digests.sha256(bytes));
        descriptor.put("size", bytes.length);
        return descriptor;
    }
}
