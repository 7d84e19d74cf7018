package dev.bulwark.scanner.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Docker engine is, found as the docker CLI finds it: {@code DOCKER_HOST} (with {@code DOCKER_TLS_VERIFY}
 * and {@code DOCKER_CERT_PATH}), else the context named by {@code DOCKER_CONTEXT} or by {@code currentContext} in
 * {@code $DOCKER_CONFIG/config.json} (its endpoint in {@code contexts/meta/<sha256 of the name>/meta.json}, its TLS
 * files in {@code contexts/tls/<sha256>/docker/}), else the local socket.
 *
 * @param host   {@code unix://…} or {@code tcp://…}
 * @param tls    a directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem}, when the engine speaks TLS
 * @param source where this was read, for messages ({@code DOCKER_HOST}, {@code context ci}, {@code the local socket})
 */
public record DockerEndpoint(String host, Optional<Path> tls, String source) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DockerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
    }

    /** The endpoint this process's environment names. */
    public static DockerEndpoint fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The endpoint these variables name.
     *
     * @throws DockerEngineException when a named context does not exist or cannot be read
     */
    static DockerEndpoint of(Map<String, String> env, Path home) {
        String dockerHost = env.getOrDefault("DOCKER_HOST", "").strip();
        if (!dockerHost.isEmpty()) {
            boolean verify = !env.getOrDefault("DOCKER_TLS_VERIFY", "").isBlank() && !env.get("DOCKER_TLS_VERIFY").equals("0");
            Path certs = Path.of(env.getOrDefault("DOCKER_CERT_PATH", home.resolve(".docker").toString()));
            return new DockerEndpoint(dockerHost, verify ? Optional.of(certs) : Optional.empty(), "DOCKER_HOST");
        }
        Path config = env.containsKey("DOCKER_CONFIG") && !env.get("DOCKER_CONFIG").isBlank()
                ? Path.of(env.get("DOCKER_CONFIG")) : home.resolve(".docker");
        String context = env.getOrDefault("DOCKER_CONTEXT", "").strip();
        String from = "DOCKER_CONTEXT";
        if (context.isEmpty()) {
            context = currentContext(config.resolve("config.json"));
            from = config.resolve("config.json") + " (currentContext)";
        }
        if (context.isEmpty() || context.equals("default")) {
            return new DockerEndpoint(DockerEngine.DEFAULT_HOST, Optional.empty(), "the local socket");
        }
        String id = sha256(context);
        Path meta = config.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new DockerEngineException("the Docker context '" + context + "' named by " + from + " does not exist (no " + meta
                    + "): see docker context ls, or unset it");
        }
        try {
            String host = JSON.readTree(meta.toFile()).path("Endpoints").path("docker").path("Host").asText("");
            if (host.isEmpty()) {
                throw new DockerEngineException("the Docker context '" + context + "' (" + meta + ") has no docker endpoint host");
            }
            Path tls = config.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
            return new DockerEndpoint(host, Files.isRegularFile(tls.resolve("ca.pem")) ? Optional.of(tls) : Optional.empty(),
                    "context " + context);
        } catch (IOException e) {
            throw new DockerEngineException("the Docker context '" + context + "' cannot be read from " + meta + ": " + e.getMessage(), e);
        }
    }

    private static String currentContext(Path configJson) {
        if (!Files.isRegularFile(configJson)) {
            return "";
        }
        try {
            JsonNode config = JSON.readTree(configJson.toFile());
            return config.path("currentContext").asText("").strip();
        } catch (IOException e) {
            throw new DockerEngineException(configJson + " is not valid JSON (" + e.getMessage() + "): fix it, or point DOCKER_CONFIG elsewhere", e);
        }
    }

    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
