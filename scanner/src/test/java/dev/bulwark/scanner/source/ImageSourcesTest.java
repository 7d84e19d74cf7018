package dev.bulwark.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.cache.LayerCache;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.docker.DockerEngineException;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.testing.Containers;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which source a plain image name is read from, and that the user is told; an engine that is down stops the scan. */
class ImageSourcesTest {

    private static final String LOCAL_IMAGE = "bulwark-test/debian:latest";

    @TempDir
    Path temp;

    private static SourceOptions engineAt(Optional<String> host) {
        return new SourceOptions(Platform.LINUX_AMD64, Set.of(), host);
    }

    @Test
    void readsAPlainNameFromTheEngineThatHasItAndSaysSo() {
        try (ImageSource source = ImageSources.open(LOCAL_IMAGE, engineAt(Optional.of(DockerEngine.DEFAULT_HOST)))) {
            assertThat(source).isInstanceOf(DaemonSource.class);
            assertThat(source.describe()).isEqualTo("the Docker engine at " + DockerEngine.DEFAULT_HOST);
        }
    }

    @Test
    void readsAPlainNameFromTheRegistryWhenTheEngineDoesNotHaveIt() {
        try (ImageSource source = ImageSources.open("registry.invalid/team/not-built-here:1",
                engineAt(Optional.of(DockerEngine.DEFAULT_HOST)))) {
            assertThat(source.describe()).isEqualTo("registry registry.invalid");
        }
    }

    @Test
    void readsAPlainNameFromTheRegistryOnlyWhenNoEngineIsSetUp() {
        try (ImageSource source = ImageSources.open(LOCAL_IMAGE, engineAt(Optional.empty()))) {
            assertThat(source).isInstanceOf(RegistrySource.class);
            assertThat(source.describe()).isEqualTo("registry docker.io");
        }
    }

    @Test
    void refusesToFallBackToTheRegistryWhenTheEngineThatIsSetUpDoesNotAnswer() {
        String down = "unix://" + temp.resolve("docker.sock");

        assertThatThrownBy(() -> ImageSources.open(LOCAL_IMAGE, engineAt(Optional.of(down))).close())
                .isInstanceOf(DockerEngineException.class)
                .hasMessageContaining("cannot reach the Docker engine at " + down)
                .hasMessageContaining("name it registry:" + LOCAL_IMAGE);
    }

    @Test
    void readsAnImagesConfigFromTheEnginesInspectAsFromItsConfigBlob() {
        String service = "bulwark-test/svc-postgres:latest";
        Path archive = temp.resolve("postgres.tar");
        Containers.exec(List.of("docker", "save", "-o", archive.toString(), service));

        try (DockerEngine engine = DockerEngine.fromEnvironment();
             DaemonSource daemon = new DaemonSource(engine, ImageRef.parse(service));
             DockerArchiveSource saved = new DockerArchiveSource(archive, Optional.empty())) {
            ResolvedImage fromEngine = daemon.resolve();
            ResolvedImage fromBlob = saved.resolve();

            assertThat(fromEngine.config()).isEqualTo(fromBlob.config());
            assertThat(fromEngine.id()).isEqualTo(fromBlob.id());
            assertThat(fromEngine.config().user()).isEqualTo("postgres");
            assertThat(fromEngine.config().exposedPorts()).containsExactly("5432/tcp");
            assertThat(fromEngine.config().volumes()).containsExactly("/var/lib/postgresql/data");
            assertThat(fromEngine.config().healthcheck()).isNotEmpty();
            assertThat(daemon.exported()).as("resolving reads no layer").isFalse();
        }
    }

    @Test
    void aWarmScanFromTheEngineNeverExportsTheImage() {
        var analyzers = Analyzers.all();
        try (LayerCache cache = LayerCache.open(temp.resolve("layers.db"), Analyzers.versionKey(analyzers));
             DockerEngine engine = DockerEngine.fromEnvironment()) {
            ImageScanner scanner = new ImageScanner(analyzers, ScanLimits.DEFAULTS, Optional.of(cache));
            ScannedImage cold;
            try (DaemonSource first = new DaemonSource(engine, ImageRef.parse(LOCAL_IMAGE))) {
                cold = scanner.scan(first);
                assertThat(first.exported()).isTrue();
            }
            try (DaemonSource second = new DaemonSource(engine, ImageRef.parse(LOCAL_IMAGE))) {
                ScannedImage warm = scanner.scan(second);

                assertThat(second.exported()).isFalse();
                assertThat(warm.cachedLayers()).isEqualTo(warm.image().layers().size());
                assertThat(warm.inventory()).isEqualTo(cold.inventory());
            }
        }
    }
}
