package dev.bulwark.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.model.ImageRef;
import org.junit.jupiter.api.Test;

/** Runs against the real Docker engine that .ci/run starts, with the locally built test images. */
class DockerEngineTest {

    @Test
    void answersAPingWithItsApiVersion() {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            assertThat(engine.ping()).matches("\\d+\\.\\d+");
        }
    }

    @Test
    void inspectsALocallyBuiltTestImage() {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            var image = engine.inspectImage(ImageRef.parse("bulwark-test/busybox"));

            assertThat(image.getOs()).isEqualTo("linux");
            assertThat(image.getRootFS().getLayers()).isNotEmpty().allMatch(layer -> layer.startsWith("sha256:"));
        }
    }

    @Test
    void saysHowToGetAnImageTheEngineDoesNotHave() {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            assertThatThrownBy(() -> engine.inspectImage(ImageRef.parse("bulwark-test/no-such-image:0")))
                    .isInstanceOf(DockerEngineException.class)
                    .hasMessageContaining("bulwark-test/no-such-image:0 is not in the Docker engine")
                    .hasMessageContaining("docker images");
        }
    }

    @Test
    void tellsTheUserToStartDockerWhenNothingListens() {
        try (DockerEngine engine = DockerEngine.at("unix:///nonexistent/docker.sock")) {
            assertThatThrownBy(engine::ping)
                    .isInstanceOf(DockerEngineException.class)
                    .hasMessageContaining("cannot reach the Docker engine at unix:///nonexistent/docker.sock")
                    .hasMessageContaining("start dockerd");
        }
    }

    @Test
    void refusesAnAddressSchemeItCannotUse() {
        assertThatThrownBy(() -> DockerEngine.at("ssh://host"))
                .isInstanceOf(DockerEngineException.class)
                .hasMessageContaining("unix://");
    }
}
