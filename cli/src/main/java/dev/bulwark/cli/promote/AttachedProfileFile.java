package dev.bulwark.cli.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.policy.profile.ProfileDocument;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.source.RegistryRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The profiles file given to {@code bulwark promote --profile}, checked before anything is pushed: it must be
 * profiles, and each must be of the image being promoted (its image ID is the config digest of the image's
 * manifest, or of one of an index's manifests), so that no agent starts an image from another image's profile.
 */
final class AttachedProfileFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttachedProfileFile() {
    }

    /** The file's bytes, once checked against the image in its repository. */
    static byte[] read(Path file, RegistryRepository repository, ImageRef image) {
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--profile " + file + ": no such file (write it with bulwark profile learn -o "
                    + file + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("--profile " + file + ": " + e.getMessage(), e);
        }
        List<ProfileDocument> documents = ProfileDocuments.readAll(file.toString(), yaml);
        Set<String> configs = configDigests(repository, repository.manifest(image.optionalDigest().orElse(image.tag())));
        for (ProfileDocument document : documents) {
            if (!configs.contains(document.metadata().image())) {
                throw new IllegalArgumentException("--profile " + file + ": its profile of " + document.metadata().image()
                        + " (" + document.metadata().workload() + ") is not of " + image + ", whose image ID is "
                        + String.join(" or ", configs) + ": learn the profile from the image being promoted");
            }
        }
        return yaml;
    }

    private static Set<String> configDigests(RegistryRepository repository, RegistryRepository.Manifest manifest) {
        Set<String> digests = new HashSet<>();
        try {
            JsonNode root = JSON.readTree(manifest.bytes());
            if (root.has("manifests")) {
                for (JsonNode child : root.path("manifests")) {
                    JsonNode childRoot = JSON.readTree(repository.manifest(child.path("digest").asText()).bytes());
                    digests.add(childRoot.path("config").path("digest").asText());
                }
            } else {
                digests.add(root.path("config").path("digest").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the manifest of " + repository.image() + ": " + e.getMessage(), e);
        }
        digests.remove("");
        return digests;
    }
}
