package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A registry user name and password (or token), read from the Docker CLI's {@code config.json}
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}), as {@code docker login} stores them.
 * Credential helpers ({@code credsStore}) are not run.
 */
public record RegistryCredentials(String username, String password) {

    @Override
    public String toString() {
        return "RegistryCredentials[" + username + ", password hidden]";
    }

    /** Basic authentication header value. */
    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The credentials stored for a registry host, if any. */
    public static Optional<RegistryCredentials> forRegistry(String registry) {
        String configured = System.getenv("DOCKER_CONFIG");
        Path file = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".docker", "config.json")
                : Path.of(configured, "config.json");
        return fromFile(file, registry);
    }

    static Optional<RegistryCredentials> fromFile(Path file, String registry) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode auths;
        try {
            auths = Json.parse(Files.readAllBytes(file), file.toString()).path("auths");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading registry credentials from " + file, e);
        }
        for (String key : keysFor(registry)) {
            JsonNode entry = auths.path(key);
            if (entry.isMissingNode()) {
                continue;
            }
            if (entry.hasNonNull("auth")) {
                String decoded = new String(Base64.getDecoder().decode(entry.get("auth").asText()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
                }
            }
            if (entry.hasNonNull("username") && entry.hasNonNull("password")) {
                return Optional.of(new RegistryCredentials(entry.get("username").asText(), entry.get("password").asText()));
            }
        }
        return Optional.empty();
    }

    private static List<String> keysFor(String registry) {
        if (registry.equals("docker.io")) {
            return List.of("https://index.docker.io/v1/", "index.docker.io", "docker.io");
        }
        return List.of(registry, "https://" + registry, "http://" + registry);
    }
}
