package dev.bulwark.scanner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {

    @ParameterizedTest
    @CsvSource({
        "debian,                              docker.io,      library/debian,   latest, ''",
        "debian:12,                           docker.io,      library/debian,   12,     ''",
        "team/app:1.0,                        docker.io,      team/app,         1.0,    ''",
        "localhost:5000/app,                  localhost:5000, app,              latest, ''",
        "registry.example.com/a/b/c:v2,       registry.example.com, a/b/c,      v2,     ''",
        "index.docker.io/library/busybox:1,   docker.io,      library/busybox,  1,      ''",
    })
    void readsAReferenceTheWayDockerDoes(String text, String registry, String repository, String tag, String digest) {
        ImageRef ref = ImageRef.parse(text);

        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest);
    }

    @Test
    void keepsADigestAndDoesNotInventATagBesideIt() {
        String digest = "sha256:" + "a".repeat(64);

        ImageRef ref = ImageRef.parse("localhost:5000/app@" + digest);

        assertThat(ref.tag()).isEmpty();
        assertThat(ref.optionalDigest()).contains(digest);
        assertThat(ref).hasToString("localhost:5000/app@" + digest);
    }

    @Test
    void givesTheShortFormDockerPrintsForHubImages() {
        assertThat(ImageRef.parse("docker.io/library/debian:12").familiar()).isEqualTo("debian:12");
        assertThat(ImageRef.parse("bulwark-test/busybox").familiar()).isEqualTo("bulwark-test/busybox:latest");
        assertThat(ImageRef.parse("localhost:5000/app:1").familiar()).isEqualTo("localhost:5000/app:1");
    }

    @Test
    void rejectsUpperCaseRepositoriesAndSaysSo() {
        assertThatThrownBy(() -> ImageRef.parse("Team/App:1"))
                .isInstanceOf(InvalidImageRefException.class)
                .hasMessageContaining("must be lower case");
    }

    @Test
    void rejectsAShortDigestAndShowsTheExpectedForm() {
        assertThatThrownBy(() -> ImageRef.parse("app@sha256:abc"))
                .isInstanceOf(InvalidImageRefException.class)
                .hasMessageContaining("sha256:<64 hex digits>");
    }

    @Test
    void rejectsAnEmptyReference() {
        assertThatThrownBy(() -> ImageRef.parse("  "))
                .isInstanceOf(InvalidImageRefException.class)
                .hasMessageContaining("empty");
    }
}
