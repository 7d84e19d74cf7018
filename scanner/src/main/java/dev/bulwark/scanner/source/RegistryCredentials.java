package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A registry user name and password (or token), found as the Docker CLI finds them in its {@code config.json}
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}): the registry's credential helper in
 * {@code credHelpers}, else the default store in {@code credsStore}, else what {@code docker login} wrote into
 * {@code auths}. A helper is {@code docker-credential-NAME} on the PATH, asked with {@code get} (see
 * {@link CredentialHelper}); that is how ECR, GCR, ACR and desktop keychains hand out credentials.
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
        return fromFile(configFile(), registry);
    }

    /** The Docker CLI's configuration file, where credentials are looked for. */
    static Path configFile() {
        String configured = System.getenv("DOCKER_CONFIG");
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".docker", "config.json")
                : Path.of(configured, "config.json");
    }

    static Optional<RegistryCredentials> fromFile(Path file, String registry) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode config;
        try {
            config = Json.parse(Files.readAllBytes(file), file.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading registry credentials from " + file, e);
        }
        for (String key : keysFor(registry)) {
            String helper = config.path("credHelpers").path(key).asText("");
            if (!helper.isBlank()) {
                return CredentialHelper.named(helper, file).get(serverUrl(registry));
            }
        }
        String store = config.path("credsStore").asText("");
        if (!store.isBlank()) {
            Optional<RegistryCredentials> stored = CredentialHelper.named(store, file).get(serverUrl(registry));
            if (stored.isPresent()) {
                return stored;
            }
        }
        JsonNode auths = config.path("auths");
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

    /** The server a helper is asked about: the registry's host, or Docker Hub's v1 URL, as the Docker CLI asks. */
    private static String serverUrl(String registry) {
        return registry.equals("docker.io") ? "https://index.docker.io/v1/" : registry;
    }

    private static List<String> keysFor(String registry) {
        if (registry.equals("docker.io")) {
            return List.of("https://index.docker.io/v1/", "index.docker.io", "docker.io");
        }
        return List.of(registry, "https://" + registry, "http://" + registry);
    }
}
