package dev.bulwark.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's address as the docker CLI finds it, from a real Docker configuration directory's layout. */
class DockerEndpointTest {

    @TempDir
    Path home;

    private Path context(String name, String host, boolean tls) throws Exception {
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        Path meta = Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        Path certs = home.resolve(".docker/contexts/tls").resolve(id).resolve("docker");
        if (tls) {
            Files.createDirectories(certs);
            Files.writeString(certs.resolve("ca.pem"), "not read here");
        }
        return certs;
    }

    @Test
    void takesDockerHostWithItsTlsSettingsFirst() {
        DockerEndpoint endpoint = DockerEndpoint.of(Map.of("DOCKER_HOST", "tcp://docker.ci:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/etc/docker-client", "DOCKER_CONTEXT", "ignored"), home);

        assertThat(endpoint).isEqualTo(new DockerEndpoint("tcp://docker.ci:2376", Optional.of(Path.of("/etc/docker-client")), "DOCKER_HOST"));
        assertThat(DockerEndpoint.of(Map.of("DOCKER_HOST", "tcp://docker.ci:2375"), home).tls()).isEmpty();
    }

    @Test
    void followsTheCurrentContextOfTheConfigAndItsTlsFiles() throws Exception {
        Path certs = context("build-farm", "tcp://farm.ci:2376", true);
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"build-farm\"}");

        DockerEndpoint endpoint = DockerEndpoint.of(Map.of(), home);

        assertThat(endpoint).isEqualTo(new DockerEndpoint("tcp://farm.ci:2376", Optional.of(certs), "context build-farm"));
    }

    @Test
    void letsDockerContextChooseAnotherContext() throws Exception {
        context("rootless", "unix:///run/user/1000/docker.sock", false);
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"missing\"}");

        DockerEndpoint endpoint = DockerEndpoint.of(Map.of("DOCKER_CONTEXT", "rootless"), home);

        assertThat(endpoint.host()).isEqualTo("unix:///run/user/1000/docker.sock");
        assertThat(endpoint.tls()).isEmpty();
    }

    @Test
    void usesTheLocalSocketForTheDefaultContextAndNamesAMissingOne() throws Exception {
        assertThat(DockerEndpoint.of(Map.of("DOCKER_CONTEXT", "default"), home).host()).isEqualTo(DockerEngine.DEFAULT_HOST);
        assertThat(DockerEndpoint.of(Map.of(), home).source()).isEqualTo("the local socket");
        assertThatThrownBy(() -> DockerEndpoint.of(Map.of("DOCKER_CONTEXT", "gone"), home))
                .isInstanceOf(DockerEngineException.class).hasMessageContaining("'gone'").hasMessageContaining("docker context ls");
    }
}
