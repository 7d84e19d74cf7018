package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.image.ImageConfig;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.image.LayerBlob;
import dev.bulwark.scanner.image.LayerOrigin;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.model.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An image in a registry (Registry HTTP API v2 / OCI distribution): the manifest (from an index or manifest
 * list, for the platform), the config, and layers streamed on demand. Every blob is checked against its
 * digest. Plain HTTP is used only for localhost, or for registries named as insecure.
 */
public final class RegistrySource implements ImageSource {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ImageRef image;
    private final Platform platform;
    private final RegistryClient client;

    public RegistrySource(ImageRef image, Platform platform, Set<String> insecureRegistries,
                          Optional<RegistryCredentials> credentials) {
        this(image, platform, insecureRegistries, credentials, RegistryTimeouts.DEFAULTS);
    }

    RegistrySource(ImageRef image, Platform platform, Set<String> insecureRegistries, Optional<RegistryCredentials> credentials,
                   RegistryTimeouts timeouts) {
        this.image = image;
        this.platform = platform;
        String host = image.registry().contains(":") && !image.registry().startsWith("[")
                ? image.registry().substring(0, image.registry().lastIndexOf(':')) : image.registry();
        boolean plainHttp = LOOPBACK.contains(host) || insecureRegistries.contains(image.registry());
        this.client = new RegistryClient(image, plainHttp, credentials, timeouts);
    }

    /** A source for the image with the credentials {@code docker login} stored, and no insecure registries. */
    public static RegistrySource of(ImageRef image, Platform platform, Set<String> insecureRegistries) {
        return new RegistrySource(image, platform, insecureRegistries, RegistryCredentials.forRegistry(image.registry()));
    }

    @Override
    public ResolvedImage resolve() {
        String reference = image.optionalDigest().orElse(image.tag());
        JsonNode manifest = fetchManifest(reference, image.optionalDigest());
        for (int depth = 0; ManifestSelection.isIndex(manifest); depth++) {
            if (depth > 4) {
                throw new ImageFormatException(image + " nests image indexes more than 4 deep");
            }
            String chosen = ManifestSelection.forPlatform(manifest, platform, "the index of " + image);
            manifest = fetchManifest(chosen, Optional.of(chosen));
        }
        String configDigest = Json.text(manifest.path("config"), "digest", "the manifest of " + image);
        byte[] configBytes = read(blob(configDigest), "the config " + configDigest);
        if (!Digests.sha256(configBytes).equals(configDigest)) {
            throw new ImageFormatException("the config blob " + configDigest + " of " + image + " does not match its digest:"
                    + " the registry sent something else");
        }
        ImageConfig config = ImageConfig.of(Json.parse(configBytes, "the config of " + image));
        List<LayerBlob> layers = new ArrayList<>();
        long size = 0;
        JsonNode descriptors = manifest.path("layers");
        for (int i = 0; i < descriptors.size(); i++) {
            String digest = Json.text(descriptors.get(i), "digest", "layer " + i + " of " + image);
            layers.add(new LayerBlob(i < config.diffIds().size() ? config.diffIds().get(i) : "", digest, LayerOrigin.REGISTRY,
                    () -> Digests.verifying(blob(digest).body(), digest, "layer " + digest + " of " + image)));
            size += descriptors.get(i).path("size").asLong(0);
        }
        return new ResolvedImage(image.familiar(), Digests.sha256(configBytes), config, layers, size);
    }

    private JsonNode fetchManifest(String reference, Optional<String> expectedDigest) {
        byte[] bytes = read(client.get("/manifests/" + reference, MediaTypes.ACCEPT), "the manifest " + reference);
        expectedDigest.ifPresent(digest -> {
            if (!Digests.sha256(bytes).equals(digest)) {
                throw new ImageFormatException("the manifest of " + image + " does not match digest " + digest
                        + ": the registry sent something else");
            }
        });
        return Json.parse(bytes, "the manifest " + reference + " of " + image);
    }

    private HttpResponse<InputStream> blob(String digest) {
        return client.get("/blobs/" + digest, "*/*");
    }

    private byte[] read(HttpResponse<InputStream> response, String what) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(16 << 20);
            if (body.read() >= 0) {
                throw new ImageFormatException(what + " of " + image + " is larger than 16 MiB: that is not a manifest or config");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + what + " of " + image, e);
        }
    }

    @Override
    public String describe() {
        return "registry " + image.registry();
    }

    @Override
    public void close() {
        // Layers are streamed from the registry as they are read; nothing is kept to clean up.
    }
}
