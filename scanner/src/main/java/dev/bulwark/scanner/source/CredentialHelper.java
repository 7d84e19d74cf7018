package dev.bulwark.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.scanner.image.ImageFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper, {@code docker-credential-NAME} on the PATH, asked as the Docker CLI asks it:
 * {@code get}, the server on standard input, {@code {"ServerURL", "Username", "Secret"}} on standard output. A helper
 * that has nothing for the server says so and exits non-zero; that is no credentials, not an error. The secret is
 * never logged, and never part of an error message.
 */
final class CredentialHelper {

    private static final long TIMEOUT_SECONDS = 30;

    private final String program;
    private final Path configFile;

    CredentialHelper(String program, Path configFile) {
        this.program = program;
        this.configFile = configFile;
    }

    static CredentialHelper named(String name, Path configFile) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ImageFormatException(configFile + " names the credential helper '" + name + "', which is not a helper name");
        }
        return new CredentialHelper("docker-credential-" + name, configFile);
    }

    Optional<RegistryCredentials> get(String server) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(program, "get")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ImageFormatException(configFile + " names the credential helper " + program + " for " + server
                    + ", which is not on the PATH: install it, or remove it from credHelpers/credsStore", e);
        }
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(server.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ImageFormatException(program + " did not answer for " + server + " within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            JsonNode answer = Json.parse(out, program + " get");
            String username = answer.path("Username").asText("");
            String secret = answer.path("Secret").asText("");
            return username.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new RegistryCredentials(username, secret));
        } catch (IOException e) {
            throw new ImageFormatException(program + " could not be asked for " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ImageFormatException("interrupted while asking " + program + " for " + server, e);
        }
    }
}
