package dev.bulwark.scanner.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.source.RegistryRepository;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles and verdicts attached to an image in a real registry (Debian's docker-registry), and read back checked. */
class AttachmentsTest {

    private static final byte[] YAML = "apiVersion: bulwark.dev/v1\nkind: Profile\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path temp;

    private static LocalRegistry registry;
    private static RegistryRepository repository;
    private static RegistryRepository.Manifest image;

    @BeforeAll
    static void pushAnImage() {
        registry = LocalRegistry.start(temp.resolve("storage"), temp, Optional.empty());
        String pushed = registry.address() + "/team/app:1";
        Containers.exec(List.of("docker", "tag", "bulwark-test/busybox:latest", pushed));
        Containers.exec(List.of("docker", "push", "--quiet", pushed));
        Containers.exec(List.of("docker", "rmi", pushed));
        repository = RegistryRepository.of(ImageRef.parse(pushed), Set.of());
        image = repository.manifest("1");
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void aProfileAttachedToAnImageIsReadBackByItsDigestAsAReferrer() throws Exception {
        ProfileAttachment.attach(repository, image, YAML, 1, "test", Instant.parse("2026-12-03T00:00:00Z"));

        assertThat(ProfileAttachment.read(repository, image.digest())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(YAML));
        var artifact = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                repository.manifest(ProfileAttachment.tagFor(image.digest())).bytes());
        assertThat(artifact.path("artifactType").asText()).isEqualTo(ProfileAttachment.ARTIFACT_TYPE);
        assertThat(artifact.path("subject").path("digest").asText()).isEqualTo(image.digest());
        assertThat(artifact.path("annotations").path("dev.bulwark.profiles").asText()).isEqualTo("1");
    }

    @Test
    void anImageWithNothingAttachedHasNoProfile() {
        assertThat(ProfileAttachment.read(repository, "sha256:" + "0".repeat(64))).isEmpty();
    }

    @Test
    void aVerdictUnderTheProfilesTagIsRefusedAsTheWrongKind() {
        String digest = image.digest();
        Attachments impostor = new Attachments(VerdictAttachment.ARTIFACT_TYPE, "bulwark-profile");
        impostor.attach(repository, image, "{}".getBytes(StandardCharsets.UTF_8), java.util.Map.of());
        try {
            assertThatThrownBy(() -> ProfileAttachment.read(repository, digest)).isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining("not a " + ProfileAttachment.ARTIFACT_TYPE);
        } finally {
            ProfileAttachment.attach(repository, image, YAML, 1, "test", Instant.now());
        }
    }
}
