package dev.bulwark.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.promote.ProfileAttachment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A registry that has gone (its port refuses connections) is given up on at once when the caller asks for no retries. */
class RegistryRetriesTest {

    private static final String DIGEST = "sha256:" + "0".repeat(64);

    @Test
    void aRefusedConnectionIsNotTriedAgainWhenNoRetriesAreAsked() throws IOException {
        ImageRef gone = ImageRef.parse("localhost:" + refusingPort() + "/shop/gone@" + DIGEST);
        RegistryTimeouts once = new RegistryTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), 1024, Optional.of(0));
        long started = System.nanoTime();

        assertThatThrownBy(() -> ProfileAttachment.read(RegistryRepository.of(gone, Set.of(), once), DIGEST))
                .hasMessageContaining("cannot reach the registry");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void retriesMustNotBeNegative() {
        assertThatThrownBy(() -> new RegistryTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Optional.of(-1)))
                .hasMessageContaining("must not be negative");
    }

    private static int refusingPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
