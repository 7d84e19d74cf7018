package dev.bulwark.scanner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real registry (Debian's {@code docker-registry}) on a free loopback port, storing into a directory, with
 * optional htpasswd authentication. Stopped when closed.
 */
public final class LocalRegistry implements AutoCloseable {

    private final Process process;
    private final int port;

    private LocalRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a registry on storage; with {@code htpasswd} set, every request needs those credentials. */
    public static LocalRegistry start(Path storage, Path work, Optional<Path> htpasswd) {
        return startWith(storage, work, htpasswd.map(file -> "auth:\n  htpasswd:\n    realm: bulwark-test\n    path: " + file + "\n")
                .orElse(""));
    }

    /** Starts a registry that trusts tokens from the issuer (Docker's token authentication). */
    public static LocalRegistry startWithTokens(Path storage, Path work, String realm, Path rootCertificate) {
        return startWith(storage, work, "auth:\n  token:\n    realm: " + realm + "\n    service: " + TokenIssuer.SERVICE
                + "\n    issuer: " + TokenIssuer.ISSUER + "\n    rootcertbundle: " + rootCertificate + "\n");
    }

    private static LocalRegistry startWith(Path storage, Path work, String auth) {
        try {
            int port = freePort();
            Files.createDirectories(storage);
            Files.createDirectories(work);
            Path config = work.resolve("registry-" + port + ".yml");
            Files.writeString(config, "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: " + storage
                    + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n" + auth);
            Process process = new ProcessBuilder(List.of("docker-registry", "serve", config.toString()))
                    .redirectErrorStream(true).redirectOutput(work.resolve("registry-" + port + ".log").toFile()).start();
            LocalRegistry registry = new LocalRegistry(process, port);
            registry.awaitReady();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("starting docker-registry (apt-get install docker-registry)", e);
        }
    }

    public String address() {
        return "localhost:" + port;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("docker-registry did not answer on port " + port + " within 10 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
