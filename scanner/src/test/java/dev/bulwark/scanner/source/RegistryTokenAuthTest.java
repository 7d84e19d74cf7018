package dev.bulwark.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.image.ImageFormatException;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import dev.bulwark.scanner.testing.TokenIssuer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real registry that demands Bearer tokens from a token service, as Docker Hub and most private registries do. */
class RegistryTokenAuthTest {

    @TempDir
    Path temp;

    @Test
    void fetchesABearerTokenWithTheStoredCredentialsAndScansTheImage() throws Exception {
        Path storage = temp.resolve("storage");
        String pushed;
        try (LocalRegistry open = LocalRegistry.start(storage, temp, Optional.empty())) {
            pushed = open.address() + "/bulwark/busybox:1";
            Containers.exec(List.of("docker", "tag", "bulwark-test/busybox:latest", pushed));
            Containers.exec(List.of("docker", "push", "--quiet", pushed));
            Containers.exec(List.of("docker", "rmi", pushed));
        }
        try (TokenIssuer issuer = TokenIssuer.start(temp, "ci", "s3cret");
             LocalRegistry guarded = LocalRegistry.startWithTokens(storage, temp, issuer.realm(),
                     issuer.writeCertificate(temp.resolve("issuer.pem")))) {
            ImageRef ref = ImageRef.parse(guarded.address() + "/bulwark/busybox:1");

            ScannedImage scanned;
            try (RegistrySource source = new RegistrySource(ref, Platform.LINUX_AMD64, Set.of(),
                    Optional.of(new RegistryCredentials("ci", "s3cret")))) {
                scanned = new ImageScanner(Analyzers.all(), ScanLimits.DEFAULTS, Optional.empty()).scan(source);
            }

            assertThat(scanned.image().layers()).hasSize(1);
            assertThat(issuer.scopes()).contains("repository:bulwark/busybox:pull");
            assertThatThrownBy(() -> new RegistrySource(ref, Platform.LINUX_AMD64, Set.of(),
                    Optional.of(new RegistryCredentials("ci", "wrong"))).resolve())
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining("the token service of " + guarded.address() + " answered HTTP 401")
                    .hasMessageNotContaining("wrong");
        }
    }
}
