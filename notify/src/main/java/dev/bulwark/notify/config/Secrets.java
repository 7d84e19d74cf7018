package dev.bulwark.notify.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads secrets from where the settings say they are: the environment or a file. Errors name the variable or
 * file and never the value. It remembers what it resolved, so {@link #redactor()} can mask those values in
 * every message written afterwards.
 */
public final class Secrets {

    private final Map<String, String> environment;
    private final Set<Secret> resolved = ConcurrentHashMap.newKeySet();

    private Secrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Secrets from this process's environment and files. */
    public static Secrets fromEnvironment() {
        return new Secrets(System.getenv());
    }

    /** Secrets from the given environment (and real files): for tests and for callers that build the environment. */
    public static Secrets of(Map<String, String> environment) {
        return new Secrets(environment);
    }

    /**
     * The secret's value.
     *
     * @throws NotifyConfigException naming the variable or file, when it is unset, empty or unreadable
     */
    public Secret resolve(SecretRef ref) {
        Secret secret = ref.match(this::fromEnvironment, this::fromFile);
        resolved.add(secret);
        return secret;
    }

    /** A redactor that masks every secret resolved so far. */
    public Redactor redactor() {
        return Redactor.of(resolvedSecrets());
    }

    private Collection<Secret> resolvedSecrets() {
        return Set.copyOf(resolved);
    }

    private Secret fromEnvironment(SecretRef.Env env) {
        String value = environment.get(env.variable());
        if (value == null || value.isBlank()) {
            throw new NotifyConfigException("the " + env.describe() + " is " + (value == null ? "not set" : "empty")
                    + ": set it in the CI job (in Jenkins, bind the credential with withCredentials), or point the"
                    + " setting at a file with the *File form instead of *Env");
        }
        return Secret.of(value.strip());
    }

    private Secret fromFile(SecretRef.File file) {
        String value;
        try {
            value = Files.readString(file.path(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new NotifyConfigException("cannot read the " + file.describe() + " (" + e.getClass().getSimpleName()
                    + "): check that it is mounted into the container and readable by this user", e);
        }
        if (value.isEmpty()) {
            throw new NotifyConfigException("the " + file.describe() + " is empty: write the secret into it");
        }
        return Secret.of(value);
    }

    @Override
    public String toString() {
        return "Secrets[" + resolved.size() + " resolved]";
    }
}
