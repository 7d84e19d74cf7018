package dev.bulwark.scanner.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.source.MediaTypes;
import dev.bulwark.scanner.source.RegistryRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an image from one repository to another, registry to registry: every blob (mounted across
 * repositories of the same registry where it can, else streamed), then the manifests byte for byte, so the
 * image keeps its digest. Multi-platform indexes are copied with every platform.
 */
public final class ImagePromoter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a promotion did.
     *
     * @param digest  the manifest digest at the destination (equal to the source's)
     * @param copied  blobs streamed across
     * @param mounted blobs linked within the registry
     * @param present blobs the destination already had
     */
    public record Promotion(String digest, List<String> copied, List<String> mounted, List<String> present) {
        public Promotion {
            copied = List.copyOf(copied);
            mounted = List.copyOf(mounted);
            present = List.copyOf(present);
        }
    }

    /**
     * Copies the source image (by its tag or digest) to the destination's tag.
     *
     * @throws ImageFormatException when the destination stores a manifest with another digest
     */
    public Promotion promote(RegistryRepository source, RegistryRepository destination) {
        String reference = source.image().optionalDigest().orElse(source.image().tag());
        RegistryRepository.Manifest manifest = source.manifest(reference);
        List<String> copied = new ArrayList<>();
        List<String> mounted = new ArrayList<>();
        List<String> present = new ArrayList<>();
        copyTree(source, destination, manifest, new Tally(copied, mounted, present));
        String tag = destination.image().tag().isEmpty() ? manifest.digest() : destination.image().tag();
        String stored = destination.putManifest(tag, manifest);
        if (!stored.equals(manifest.digest())) {
            throw new ImageFormatException(destination.image() + " stored the manifest as " + stored + ", not " + manifest.digest()
                    + ": the destination registry rewrote the image");
        }
        return new Promotion(manifest.digest(), copied, mounted, present);
    }

    private record Tally(List<String> copied, List<String> mounted, List<String> present) {
    }

    private void copyTree(RegistryRepository source, RegistryRepository destination, RegistryRepository.Manifest manifest, Tally tally) {
        JsonNode document = parse(manifest);
        if (MediaTypes.INDEXES.contains(manifest.mediaType()) || document.has("manifests") && !document.has("layers")) {
            for (JsonNode child : document.path("manifests")) {
                RegistryRepository.Manifest childManifest = source.manifest(child.path("digest").asText());
                copyTree(source, destination, childManifest, tally);
                destination.putManifest(childManifest.digest(), childManifest);
            }
            return;
        }
        copyBlob(source, destination, document.path("config").path("digest").asText(), tally);
        for (JsonNode layer : document.path("layers")) {
            copyBlob(source, destination, layer.path("digest").asText(), tally);
        }
    }

    private void copyBlob(RegistryRepository source, RegistryRepository destination, String digest, Tally tally) {
        if (destination.hasBlob(digest)) {
            tally.present().add(digest);
            return;
        }
        boolean sameRegistry = source.image().registry().equals(destination.image().registry());
        if (sameRegistry && destination.mount(digest, source.image().repository())) {
            tally.mounted().add(digest);
            return;
        }
        HttpResponse<InputStream> blob = source.blob(digest);
        long size = blob.headers().firstValueAsLong("Content-Length").orElseThrow(() -> new ImageFormatException(
                source.image() + " sent blob " + digest + " without a Content-Length"));
        try (InputStream content = blob.body()) {
            destination.upload(digest, size, content);
        } catch (IOException e) {
            throw new UncheckedIOException("copying blob " + digest, e);
        }
        tally.copied().add(digest);
    }

    private static JsonNode parse(RegistryRepository.Manifest manifest) {
        try {
            return JSON.readTree(manifest.bytes());
        } catch (IOException e) {
            throw new ImageFormatException("manifest " + manifest.digest() + " is not JSON: " + e.getMessage(), e);
        }
    }
}
