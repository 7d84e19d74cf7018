package dev.bulwark.scanner.poison;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.scanner.image.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Images written by hand, as an attacker would: a clean one, and a poisoned one whose config names the clean
 * layer's diffID while its manifest points at a blob holding other packages. Every blob is what its digest says;
 * only the diffID lies, so only a check of the uncompressed content can catch it.
 */
final class PoisonedImages {

    static final String CLEAN_PACKAGE = "harmless";
    static final String POISONED_PACKAGE = "backdoored";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] cleanTar = layer(CLEAN_PACKAGE);
    private final byte[] poisonedTar = layer(POISONED_PACKAGE);

    /** The uncompressed digest of the clean layer: the diffID both images' configs name. */
    String cleanDiffId() {
        return Digests.sha256(cleanTar);
    }

    /** The uncompressed digest of what the poisoned image really holds. */
    String poisonedDiffId() {
        return Digests.sha256(poisonedTar);
    }

    /** An OCI layout of the honest image. */
    Path cleanLayout(Path directory) {
        return layout(directory, gzip(cleanTar), cleanDiffId());
    }

    /** An OCI layout whose manifest points at the poisoned blob and whose config names the clean diffID. */
    Path poisonedLayout(Path directory) {
        return layout(directory, gzip(poisonedTar), cleanDiffId());
    }

    /** A {@code docker save} archive of the honest image, its layer stored uncompressed as Docker stores it. */
    Path cleanArchive(Path directory) {
        return archive(directory, cleanTar, cleanDiffId());
    }

    /** A {@code docker save} archive holding the poisoned layer under a config that names the clean diffID. */
    Path poisonedArchive(Path directory) {
        return archive(directory, poisonedTar, cleanDiffId());
    }

    /** The digest of the poisoned layer's blob in a layout (gzip, as registries keep it). */
    String poisonedBlobDigest() {
        return Digests.sha256(gzip(poisonedTar));
    }

    private static Path layout(Path directory, byte[] blob, String claimedDiffId) {
        try {
            Path blobs = Files.createDirectories(directory.resolve("blobs/sha256"));
            String layerDigest = put(blobs, blob);
            String configDigest = put(blobs, config(claimedDiffId));
            ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                    .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            descriptor(manifest.putObject("config"), "application/vnd.oci.image.config.v1+json", configDigest,
                    config(claimedDiffId).length);
            descriptor(manifest.putArray("layers").addObject(), "application/vnd.oci.image.layer.v1.tar+gzip",
                    layerDigest, blob.length);
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            String manifestDigest = put(blobs, manifestBytes);
            ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2);
            ObjectNode entry = descriptor(index.putArray("manifests").addObject(),
                    "application/vnd.oci.image.manifest.v1+json", manifestDigest, manifestBytes.length);
            entry.putObject("annotations").put("org.opencontainers.image.ref.name", "1.0");
            Files.write(directory.resolve("index.json"), JSON.writeValueAsBytes(index));
            Files.writeString(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path archive(Path directory, byte[] layerTar, String claimedDiffId) {
        Path file = directory.resolve("image.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(Files.createDirectories(directory)
                .resolve("image.tar")))) {
            String layerName = "blobs/sha256/" + Digests.sha256(layerTar).substring("sha256:".length());
            byte[] config = config(claimedDiffId);
            String configName = "blobs/sha256/" + Digests.sha256(config).substring("sha256:".length());
            ObjectNode entry = JSON.createArrayNode().addObject().put("Config", configName);
            entry.putArray("RepoTags").add("poison/app:1.0");
            entry.putArray("Layers").add(layerName);
            add(tar, "manifest.json", JSON.writeValueAsBytes(List.of(entry)));
            add(tar, configName, config);
            add(tar, layerName, layerTar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static ObjectNode descriptor(ObjectNode node, String mediaType, String digest, long size) {
        return node.put("mediaType", mediaType).put("digest", digest).put("size", size);
    }

    private static String put(Path blobs, byte[] content) throws IOException {
        String digest = Digests.sha256(content);
        Files.write(blobs.resolve(digest.substring("sha256:".length())), content);
        return digest;
    }

    private static byte[] config(String diffId) {
        ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
        config.putObject("config").putArray("Cmd").add("/bin/app");
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId);
        try {
            return JSON.writeValueAsBytes(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A layer holding a dpkg database with one installed package. */
    private static byte[] layer(String packageName) {
        String status = "Package: " + packageName + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0-1\n"
                + "Description: a package\n\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            add(tar, "var/lib/dpkg/status", status.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
