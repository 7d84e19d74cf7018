package dev.bulwark.scanner.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.source.MediaTypes;
import dev.bulwark.scanner.source.RegistryRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What travels with an image in its registry: an OCI artifact whose {@code subject} is the image (an OCI 1.1
 * referrer, found through the referrers API where the registry has one), also stored under the tag
 * {@code sha256-<hex>.<suffix>} for registries without it. The artifact's one layer is the content; its annotations
 * repeat the essentials for {@code oras discover} and registry UIs.
 *
 * @param artifactType the artifact's media type, also its layer's
 * @param tagSuffix    what follows the image digest in the fallback tag
 */
public record Attachments(String artifactType, String tagSuffix) {

    private static final String EMPTY_CONFIG = "application/vnd.oci.empty.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tag the attachment of an image digest is stored under. */
    public String tagFor(String imageDigest) {
        return imageDigest.replace(':', '-') + "." + tagSuffix;
    }

    /** Attaches the content to the image with this manifest (already in the repository); returns the artifact's digest. */
    public String attach(RegistryRepository repository, RegistryRepository.Manifest image, byte[] content,
                         Map<String, String> annotations) {
        try {
            byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
            putBlob(repository, config);
            putBlob(repository, content);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.put("artifactType", artifactType);
            manifest.set("config", descriptor(EMPTY_CONFIG, config));
            manifest.putArray("layers").add(descriptor(artifactType, content));
            ObjectNode subject = manifest.putObject("subject");
            subject.put("mediaType", image.mediaType());
            subject.put("digest", image.digest());
            subject.put("size", image.bytes().length);
            ObjectNode written = manifest.putObject("annotations");
            annotations.forEach(written::put);
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            return repository.putManifest(tagFor(image.digest()),
                    new RegistryRepository.Manifest(bytes, MediaTypes.OCI_MANIFEST, Digests.sha256(bytes)));
        } catch (IOException e) {
            throw new ImageFormatException("writing the " + artifactType + " for " + image.digest() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The content attached to an image digest, if any: checked to be about that image, of this type, and to match its
     * digest.
     */
    public Optional<byte[]> read(RegistryRepository repository, String imageDigest) {
        RegistryRepository.Manifest manifest;
        try {
            manifest = repository.manifest(tagFor(imageDigest));
        } catch (ImageFormatException notThere) {
            if (String.valueOf(notThere.getMessage()).contains("HTTP 404")) {
                return Optional.empty();
            }
            throw notThere;
        }
        try {
            JsonNode document = JSON.readTree(manifest.bytes());
            if (!imageDigest.equals(document.path("subject").path("digest").asText())) {
                throw new ImageFormatException("the artifact under " + tagFor(imageDigest) + " is about another image ("
                        + document.path("subject").path("digest").asText("none named") + ")");
            }
            if (!artifactType.equals(document.path("artifactType").asText())) {
                throw new ImageFormatException("the artifact under " + tagFor(imageDigest) + " is a "
                        + document.path("artifactType").asText("(no type)") + ", not a " + artifactType);
            }
            String layer = document.path("layers").path(0).path("digest").asText();
            try (InputStream in = repository.blob(layer).body()) {
                byte[] bytes = in.readAllBytes();
                if (!Digests.sha256(bytes).equals(layer)) {
                    throw new ImageFormatException("the blob " + layer + " under " + tagFor(imageDigest) + " does not match its digest");
                }
                return Optional.of(bytes);
            }
        } catch (IOException e) {
            throw new ImageFormatException("reading the " + artifactType + " of " + imageDigest + ": " + e.getMessage(), e);
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
