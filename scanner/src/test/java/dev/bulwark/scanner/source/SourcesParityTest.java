package dev.bulwark.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The same image read from the daemon, a docker save archive, an OCI layout and a real registry gives one inventory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesParityTest {

    private static final String IMAGE = "bulwark-test/debian:latest";

    @TempDir
    Path temp;

    private ScannedImage fromDaemon;

    private static ScannedImage scan(ImageSource source) {
        try (source) {
            return new ImageScanner(Analyzers.all(), ScanLimits.DEFAULTS, Optional.empty()).scan(source);
        }
    }

    @BeforeAll
    void scanFromTheDaemon() {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            fromDaemon = scan(new DaemonSource(engine, ImageRef.parse(IMAGE)));
        }
        assertThat(fromDaemon.inventory().packages()).hasSizeGreaterThan(50);
    }

    @Test
    void aDockerSaveArchiveGivesTheSameInventory() {
        Path archive = temp.resolve("debian.tar");
        Containers.exec(List.of("docker", "save", "-o", archive.toString(), IMAGE));

        ScannedImage scanned = scan(new DockerArchiveSource(archive, Optional.empty()));

        assertThat(scanned.inventory()).isEqualTo(fromDaemon.inventory());
        assertThat(scanned.image().id()).isEqualTo(fromDaemon.image().id());
        assertThat(scanned.image().config()).as("the engine's inspect reads as the config blob does")
                .isEqualTo(fromDaemon.image().config());
    }

    @Test
    void anOciLayoutGivesTheSameInventoryAsDirectoryAndAsTar() {
        Path layout = temp.resolve("oci");
        Containers.exec(List.of("skopeo", "--insecure-policy", "copy", "--quiet", "docker-daemon:" + IMAGE, "oci:" + layout + ":debian"));
        Path layoutTar = temp.resolve("oci.tar");
        Containers.exec(List.of("tar", "-C", layout.toString(), "-cf", layoutTar.toString(), "."));

        ScannedImage fromDirectory = scan(new OciLayoutSource(layout, Optional.of("debian"), Platform.LINUX_AMD64));
        ScannedImage fromTar = scan(new OciLayoutSource(layoutTar, Optional.empty(), Platform.LINUX_AMD64));

        assertThat(fromDirectory.inventory()).isEqualTo(fromDaemon.inventory());
        assertThat(fromTar.inventory()).isEqualTo(fromDaemon.inventory());
    }

    @Test
    void aRealRegistryGivesTheSameInventoryAndRefusesMissingCredentials() throws Exception {
        Path storage = temp.resolve("registry-storage");
        String pushed;
        try (LocalRegistry open = LocalRegistry.start(storage, temp, Optional.empty())) {
            pushed = open.address() + "/bulwark/debian:12";
            Containers.exec(List.of("docker", "tag", IMAGE, pushed));
            Containers.exec(List.of("docker", "push", "--quiet", pushed));
            Containers.exec(List.of("docker", "rmi", pushed));

            ScannedImage scanned = scan(RegistrySource.of(ImageRef.parse(pushed), Platform.LINUX_AMD64, Set.of()));

            assertThat(scanned.inventory()).isEqualTo(fromDaemon.inventory());
            assertThat(scanned.image().id()).isEqualTo(fromDaemon.image().id());
        }
        Path htpasswd = temp.resolve("htpasswd");
        Files.writeString(htpasswd, Containers.exec(List.of("htpasswd", "-Bbn", "ci", "s3cret")));
        try (LocalRegistry guarded = LocalRegistry.start(storage, temp, Optional.of(htpasswd))) {
            ImageRef ref = ImageRef.parse(guarded.address() + "/bulwark/debian:12");

            assertThatThrownBy(() -> scan(new RegistrySource(ref, Platform.LINUX_AMD64, Set.of(), Optional.empty())))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining("asks for a password").hasMessageContaining("log in with docker login " + guarded.address());
            ScannedImage withLogin = scan(new RegistrySource(ref, Platform.LINUX_AMD64, Set.of(),
                    Optional.of(new RegistryCredentials("ci", "s3cret"))));
            assertThat(withLogin.inventory()).isEqualTo(fromDaemon.inventory());
        }
    }
}
