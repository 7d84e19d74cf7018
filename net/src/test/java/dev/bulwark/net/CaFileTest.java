package dev.bulwark.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose certificate only a corporate CA file vouches for: a real TLS handshake on loopback. */
class CaFileTest {

    @TempDir
    Path temp;

    private void keytool(String... args) throws Exception {
        Process process = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()), java.util.Arrays.stream(args)).toList())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
    }

    @Test
    void trustsAServerTheCaFileVouchesForAndNoOther() throws Exception {
        Path keystore = temp.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        Path pem = temp.resolve("corporate-ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        WireMockServer server = new WireMockServer(options().dynamicHttpsPort().httpDisabled(true).bindAddress("127.0.0.1")
                .keystorePath(keystore.toString()).keystorePassword("changeit").keyManagerPassword("changeit").keystoreType("PKCS12"));
        server.start();
        try {
            server.stubFor(get("/ok").willReturn(aResponse().withBody("trusted")));
            URI url = URI.create("https://127.0.0.1:" + server.httpsPort() + "/ok");
            OutboundHttp system = OutboundHttp.of(NetSettings.fromEnvironment(Map.of()).withRetries(0, Duration.ofMillis(1)));
            OutboundHttp corporate = OutboundHttp.of(NetSettings.fromEnvironment(Map.of("BULWARK_CA_FILE", pem.toString()))
                    .withRetries(0, Duration.ofMillis(1)));

            HttpResponse<String> response = corporate.sendIdempotent(corporate.client(HttpClient.Redirect.NEVER),
                    corporate.request(url).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("trusted");
            assertThatThrownBy(() -> system.sendIdempotent(system.client(HttpClient.Redirect.NEVER), system.request(url).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        } finally {
            server.stop();
        }
        assertThat(Files.readAllLines(pem)).contains("-----BEGIN CERTIFICATE-----");
        assertThatThrownBy(() -> NetSettings.fromEnvironment(Map.of("BULWARK_CA_FILE", temp.resolve("missing.pem").toString())))
                .hasMessageContaining("BULWARK_CA_FILE").hasMessageContaining("cannot be read");
    }
}
