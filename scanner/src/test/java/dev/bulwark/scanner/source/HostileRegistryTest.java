package dev.bulwark.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.model.ImageRef;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that lies about digests, sends what is not an image, or stalls: each is an error that says what
 * the registry did, within seconds, and never a scan of something other than the image asked for.
 */
class HostileRegistryTest {

    private static final RegistryTimeouts QUICK = new RegistryTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), 1024);
    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final byte[] CONFIG = """
            {"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[]}}""".getBytes(StandardCharsets.UTF_8);

    private final HostileRegistry registry = new HostileRegistry();

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void readsAnImageFromARegistryThatTellsTheTruth() {
        registry.serving(manifests("1.0"), OCI_MANIFEST, manifest(Digests.sha256(CONFIG)))
                .serving(blobs(Digests.sha256(CONFIG)), "application/octet-stream", CONFIG);

        ResolvedImage image = resolve(tag("1.0"));

        assertThat(image.id()).isEqualTo(Digests.sha256(CONFIG));
        assertThat(image.config().diffIds()).isEmpty();
    }

    @Test
    void refusesAManifestThatIsNotTheDigestAskedFor() {
        byte[] asked = manifest(Digests.sha256(CONFIG));
        byte[] sent = manifest(Digests.sha256("other".getBytes(StandardCharsets.UTF_8)));
        registry.serving(manifests(Digests.sha256(asked)), OCI_MANIFEST, sent);

        assertThat(messages(failure(tag("") + "@" + Digests.sha256(asked))))
                .contains("does not match digest " + Digests.sha256(asked), "the registry sent something else");
    }

    @Test
    void refusesAConfigThatIsNotItsDigest() {
        String claimed = Digests.sha256(CONFIG);
        registry.serving(manifests("1.0"), OCI_MANIFEST, manifest(claimed))
                .serving(blobs(claimed), "application/octet-stream", tampered(CONFIG));

        assertThat(messages(failure(tag("1.0")))).contains("the config blob " + claimed, "does not match its digest");
    }

    @Test
    void refusesAManifestThatIsNotJson() {
        registry.serving(manifests("1.0"), OCI_MANIFEST, "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(messages(failure(tag("1.0")))).contains("the manifest 1.0 of " + tag("1.0"));
    }

    @Test
    void refusesAManifestWithoutAConfig() {
        registry.serving(manifests("1.0"), OCI_MANIFEST, """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(messages(failure(tag("1.0")))).contains("the manifest of " + tag("1.0"), "digest");
    }

    @Test
    void refusesIndexesNestedDeeperThanAnyRealImage() {
        byte[] document = manifest(Digests.sha256(CONFIG));
        for (int depth = 0; depth < 6; depth++) {
            registry.serving(manifests(Digests.sha256(document)), depth == 0 ? OCI_MANIFEST : OCI_INDEX, document);
            document = index(Digests.sha256(document), "amd64");
        }
        registry.serving(manifests("1.0"), OCI_INDEX, document);

        assertThat(messages(failure(tag("1.0")))).contains("nests image indexes more than 4 deep");
    }

    @Test
    void refusesAnIndexWithoutThePlatformAskedFor() {
        registry.serving(manifests("1.0"), OCI_INDEX, index(Digests.sha256(CONFIG), "s390x"));

        assertThat(messages(failure(tag("1.0")))).contains("has no image for linux/amd64", "linux/s390x");
    }

    @Test
    void stopsReadingAManifestThatNeverEnds() {
        registry.at(manifests("1.0"), registry.endless());

        assertThat(messages(failure(tag("1.0")))).contains("larger than 16 MiB");
    }

    @Test
    void givesUpOnARegistryThatNeverAnswers() {
        registry.at(manifests("1.0"), registry.never());

        assertThat(messages(failure(tag("1.0")))).contains("did not answer GET /v2/hostile/app/manifests/1.0 within 1 s");
    }

    @Test
    void givesUpOnAnAnswerThatStopsHalfWay() {
        registry.at(manifests("1.0"), registry.stopsAfter("{\"schemaVersion\":", 4096));

        assertThat(messages(failure(tag("1.0")))).contains("kept Bulwark waiting more than 2 s for 1024 bytes", "stalled");
    }

    @Test
    void givesUpOnAnAnswerThatTricklesInByteByByte() {
        registry.at(manifests("1.0"), registry.trickles(200));

        assertThat(messages(failure(tag("1.0")))).contains("kept Bulwark waiting more than 2 s for 1024 bytes");
    }

    @Test
    void neverCutsOffAReaderThatIsSlowItself() throws Exception {
        byte[] blob = new byte[8192];
        registry.serving(blobs(Digests.sha256(blob)), "application/octet-stream", blob);
        RegistryClient client = new RegistryClient(ImageRef.parse(tag("1.0")), true, Optional.empty(), QUICK);

        long read = 0;
        try (InputStream body = client.get("/blobs/" + Digests.sha256(blob), "*/*").body()) {
            for (int n = body.read(new byte[1024]); n >= 0; n = body.read(new byte[1024])) {
                read += n;
                Thread.sleep(500); // 8 reads, 4 s in all: twice the stall limit, none of it the registry's doing
            }
        }

        assertThat(read).isEqualTo(blob.length);
    }

    private ResolvedImage resolve(String reference) {
        return assertTimeoutPreemptively(AT_MOST, () -> source(reference).resolve());
    }

    private Throwable failure(String reference) {
        Throwable thrown = assertTimeoutPreemptively(AT_MOST, () -> catchThrowable(() -> source(reference).resolve()));
        assertThat(thrown).as("the registry's answer must be refused").isNotNull();
        return thrown;
    }

    private RegistrySource source(String reference) {
        return new RegistrySource(ImageRef.parse(reference), Platform.LINUX_AMD64, Set.of(), Optional.empty(), QUICK);
    }

    private String tag(String tag) {
        return registry.address() + "/hostile/app" + (tag.isEmpty() ? "" : ":" + tag);
    }

    private static String manifests(String reference) {
        return "/v2/hostile/app/manifests/" + reference;
    }

    private static String blobs(String digest) {
        return "/v2/hostile/app/blobs/" + digest;
    }

    private static byte[] manifest(String configDigest) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + CONFIG.length
                + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] index(String manifestDigest, String architecture) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\"" + OCI_MANIFEST
                + "\",\"digest\":\"" + manifestDigest + "\",\"size\":1,\"platform\":{\"architecture\":\"" + architecture
                + "\",\"os\":\"linux\"}}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tampered(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("amd64", "arm64").getBytes(StandardCharsets.UTF_8);
    }

    /** The messages of an error and its causes, which together say what went wrong. */
    private static String messages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join(" / ", messages);
    }
}
