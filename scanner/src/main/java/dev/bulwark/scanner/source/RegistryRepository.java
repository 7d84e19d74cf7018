package dev.bulwark.scanner.source;

import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * One repository of a registry, for reading and writing what promotion copies: manifests as raw bytes
 * (so their digests stay the same), blobs, cross-repository mounts and uploads.
 */
public final class RegistryRepository {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ImageRef image;
    private final RegistryClient client;

    private RegistryRepository(ImageRef image, RegistryClient client) {
        this.image = image;
        this.client = client;
    }

    /** The repository of the image, with the credentials docker login stored. */
    public static RegistryRepository of(ImageRef image, Set<String> insecureRegistries) {
        return of(image, insecureRegistries, RegistryTimeouts.DEFAULTS);
    }

    /** The repository, with the credentials docker login stored, answering within the timeouts or failing. */
    public static RegistryRepository of(ImageRef image, Set<String> insecureRegistries, RegistryTimeouts timeouts) {
        String host = image.registry().contains(":") && !image.registry().startsWith("[")
                ? image.registry().substring(0, image.registry().lastIndexOf(':')) : image.registry();
        boolean plainHttp = LOOPBACK.contains(host) || insecureRegistries.contains(image.registry());
        return new RegistryRepository(image, new RegistryClient(image, plainHttp, RegistryCredentials.forRegistry(image.registry()),
                timeouts));
    }

    public ImageRef image() {
        return image;
    }

    /** A manifest as the registry stores it. */
    public record Manifest(byte[] bytes, String mediaType, String digest) {
    }

    /** The manifest for a tag or digest; its digest is computed from its bytes. */
    public Manifest manifest(String reference) {
        HttpResponse<InputStream> response = client.get("/manifests/" + reference, MediaTypes.ACCEPT);
        byte[] bytes = readAll(response);
        String digest = Digests.sha256(bytes);
        if (reference.startsWith("sha256:") && !digest.equals(reference)) {
            throw new ImageFormatException("the registry sent a manifest for " + image + " whose digest is " + digest
                    + ", not " + reference);
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse(MediaTypes.OCI_MANIFEST);
        return new Manifest(bytes, mediaType.contains(";") ? mediaType.substring(0, mediaType.indexOf(';')).strip() : mediaType, digest);
    }

    /** Whether the repository already holds the blob. */
    public boolean hasBlob(String digest) {
        HttpResponse<InputStream> response = client.send("HEAD", "/blobs/" + digest, Map.of(),
                HttpRequest.BodyPublishers.noBody(), Set.of(200, 404));
        readAll(response);
        return response.statusCode() == 200;
    }

    /** Asks the registry to link a blob from another repository of the same registry; false when it declines. */
    public boolean mount(String digest, String fromRepository) {
        HttpResponse<InputStream> response = client.send("POST", "/blobs/uploads/?mount=" + digest + "&from=" + fromRepository,
                Map.of(), HttpRequest.BodyPublishers.noBody(), Set.of(201, 202));
        readAll(response);
        return response.statusCode() == 201;
    }

    /** Opens a blob for reading, with its size. */
    public HttpResponse<InputStream> blob(String digest) {
        return client.get("/blobs/" + digest, "*/*");
    }

    /** Uploads a blob in one request; the registry checks the digest. */
    public void upload(String digest, long size, InputStream content) {
        HttpResponse<InputStream> start = client.send("POST", "/blobs/uploads/", Map.of(),
                HttpRequest.BodyPublishers.noBody(), Set.of(202));
        readAll(start);
        String location = start.headers().firstValue("Location").orElseThrow(() -> new ImageFormatException(
                "the registry of " + image + " started an upload without a Location"));
        URI upload = start.uri().resolve(location);
        String url = upload + (upload.getQuery() == null ? "?" : "&") + "digest=" + digest;
        HttpResponse<InputStream> done = client.send("PUT", url, Map.of("Content-Type", "application/octet-stream"),
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> content), size),
                Set.of(201));
        readAll(done);
    }

    /** Stores a manifest under a tag (or its digest) and returns the digest the registry computed. */
    public String putManifest(String reference, Manifest manifest) {
        HttpResponse<InputStream> response = client.send("PUT", "/manifests/" + reference, Map.of("Content-Type", manifest.mediaType()),
                HttpRequest.BodyPublishers.ofByteArray(manifest.bytes()), Set.of(201));
        readAll(response);
        return response.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
    }

    private static byte[] readAll(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the registry's answer", e);
        }
    }
}
