package dev.bulwark.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLocationTest {

    @TempDir
    Path temp;

    @Test
    void readsEachFormUsersWriteOnce() {
        assertThat(ImageLocation.parse("shop:1.4")).isEqualTo(new ImageLocation.Automatic(ImageRef.parse("shop:1.4")));
        assertThat(ImageLocation.parse("daemon:shop:1.4")).isEqualTo(new ImageLocation.Daemon(ImageRef.parse("shop:1.4")));
        assertThat(ImageLocation.parse("registry:localhost:5000/shop@sha256:" + "a".repeat(64)))
                .isEqualTo(new ImageLocation.Registry(ImageRef.parse("localhost:5000/shop@sha256:" + "a".repeat(64))));
        assertThat(ImageLocation.parse("docker-archive:/tmp/shop.tar"))
                .isEqualTo(new ImageLocation.DockerArchive(Path.of("/tmp/shop.tar")));
        assertThat(ImageLocation.parse("oci:/tmp/layout:v1")).isEqualTo(new ImageLocation.OciLayout(Path.of("/tmp/layout"), Optional.of("v1")));
    }

    @Test
    void takesAnExistingOciPathWithAColonAsTheWholeLayout() throws Exception {
        Path layout = Files.createDirectories(temp.resolve("build:42"));

        assertThat(ImageLocation.parse("oci:" + layout)).isEqualTo(new ImageLocation.OciLayout(layout, Optional.empty()));
    }

    @Test
    void writesItselfBackAsItWasGivenAndNamesWhatARegistryHolds() {
        for (String argument : new String[] {"shop:1.4", "daemon:shop:1.4", "registry:shop:1.4", "docker-archive:/tmp/a.tar", "oci:/tmp/l:v1"}) {
            assertThat(ImageLocation.parse(argument).argument()).isEqualTo(argument);
        }
        assertThat(ImageLocation.parse("registry:shop:1.4").inRegistry()).contains(ImageRef.parse("shop:1.4"));
        assertThat(ImageLocation.parse("shop:1.4").inRegistry()).contains(ImageRef.parse("shop:1.4"));
        assertThat(ImageLocation.parse("daemon:shop:1.4").inRegistry()).isEmpty();
        assertThat(ImageLocation.parse("docker-archive:/tmp/a.tar").inRegistry()).isEmpty();
    }

    @Test
    void refusesABadNameAndAMissingFileWithTheFix() {
        assertThatThrownBy(() -> ImageLocation.parse("Shop:1.4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSources.open(ImageLocation.parse("docker-archive:" + temp.resolve("missing.tar")),
                SourceOptions.defaults())).isInstanceOf(ImageFormatException.class).hasMessageContaining("does not exist");
    }
}
