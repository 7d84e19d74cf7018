package dev.bulwark.agent.admission;

import dev.bulwark.policy.runtime.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the agent serves Docker's authorization plugin protocol (the {@code admission:} block of its configuration).
 *
 * @param plugin             the plugin's name, as {@code dockerd --authorization-plugin=NAME} names it
 * @param pluginDirectory    where the engine looks for plugin sockets ({@code /run/docker/plugins})
 * @param failure            what a request the agent cannot judge gets: {@code closed} (refused) or {@code open}
 *                           (allowed); either way it is audited
 * @param stage              the stage this host runs ({@code production}); a verdict counts only for it, or for any
 *                           stage when empty
 * @param insecureRegistries registries reached over plain HTTP when verdicts are read
 * @param verdictTimeout     how long reading an image's verdict from its registry may take
 * @param verdictCache       how long a verdict read is trusted before it is read again
 */
public record AdmissionSettings(String plugin, Path pluginDirectory, Failure failure, Optional<String> stage,
                                Set<String> insecureRegistries, Duration verdictTimeout, Duration verdictCache) {

    /** What happens to a request the agent could not judge (an error, a registry that did not answer in time). */
    public enum Failure {
        /** Refuse it: nothing unjudged starts. */
        CLOSED,
        /** Allow it, with an audit record that says it was not judged. */
        OPEN;

        /** The word in the configuration. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Failure of(String word) {
            for (Failure failure : values()) {
                if (failure.word().equals(word)) {
                    return failure;
                }
            }
            throw new IllegalArgumentException("admission.failure is '" + word + "': write closed (refuse what cannot be judged)"
                    + " or open (allow it, with an audit record)");
        }
    }

    public AdmissionSettings {
        Objects.requireNonNull(plugin, "plugin");
        if (!plugin.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("admission.plugin '" + plugin + "' is not a plugin name: use letters, digits,"
                    + " '-', '_' and '.', as in dockerd --authorization-plugin=bulwark");
        }
        Objects.requireNonNull(pluginDirectory, "pluginDirectory");
        Objects.requireNonNull(failure, "failure");
        stage = Objects.requireNonNullElse(stage, Optional.<String>empty()).filter(s -> !s.isBlank());
        insecureRegistries = Set.copyOf(insecureRegistries);
        if (verdictTimeout.isNegative() || verdictTimeout.isZero()) {
            throw new IllegalArgumentException("admission.verdictTimeout must be positive, such as 5s");
        }
        Objects.requireNonNull(verdictCache, "verdictCache");
    }

    /** The defaults: plugin {@code bulwark} in {@code /run/docker/plugins}, failing closed, verdicts read within 5 s. */
    public static AdmissionSettings defaults() {
        return new AdmissionSettings("bulwark", Path.of("/run/docker/plugins"), Failure.CLOSED, Optional.empty(), Set.of(),
                Duration.ofSeconds(5), Duration.ofMinutes(1));
    }

    /** These settings with another value of one key, as the configuration file gives it. */
    public AdmissionSettings with(String key, String value, List<String> values) {
        return switch (key) {
            case "plugin" -> new AdmissionSettings(value, pluginDirectory, failure, stage, insecureRegistries, verdictTimeout, verdictCache);
            case "pluginDirectory" -> new AdmissionSettings(plugin, Path.of(value), failure, stage, insecureRegistries, verdictTimeout,
                    verdictCache);
            case "failure" -> new AdmissionSettings(plugin, pluginDirectory, Failure.of(value), stage, insecureRegistries, verdictTimeout,
                    verdictCache);
            case "stage" -> new AdmissionSettings(plugin, pluginDirectory, failure, Optional.of(value), insecureRegistries, verdictTimeout,
                    verdictCache);
            case "insecureRegistries" -> new AdmissionSettings(plugin, pluginDirectory, failure, stage, Set.copyOf(values), verdictTimeout,
                    verdictCache);
            case "verdictTimeout" -> new AdmissionSettings(plugin, pluginDirectory, failure, stage, insecureRegistries,
                    duration("admission.verdictTimeout", value), verdictCache);
            case "verdictCache" -> new AdmissionSettings(plugin, pluginDirectory, failure, stage, insecureRegistries, verdictTimeout,
                    duration("admission.verdictCache", value));
            default -> throw new IllegalArgumentException("admission has no key '" + key + "': valid keys are " + KEYS);
        };
    }

    private static Duration duration(String key, String text) {
        try {
            return Span.parse(text).duration();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** The keys of the {@code admission:} block. */
    public static final List<String> KEYS = List.of("plugin", "pluginDirectory", "failure", "stage", "insecureRegistries",
            "verdictTimeout", "verdictCache");

    /** The socket the engine finds the plugin by. */
    public Path socket() {
        return pluginDirectory.resolve(plugin + ".sock");
    }
}
