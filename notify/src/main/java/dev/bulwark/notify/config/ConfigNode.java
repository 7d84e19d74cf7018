package dev.bulwark.notify.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of the {@code notify:} settings and where it sits ({@code notify.slack}), so every error can name
 * the setting it is about.
 */
final class ConfigNode {

    private static final Set<String> VERDICTS = Set.of("pass", "warn", "fail");

    private final JsonNode node;
    private final String path;

    private ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static ConfigNode of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new NotifyConfigException(path + " must be a mapping of settings, but it is "
                    + (node == null ? "missing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return new ConfigNode(node, path);
    }

    String path() {
        return path;
    }

    /** Fails on a key this object does not know, so that a typo does not silently switch something off. */
    void allowOnly(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new NotifyConfigException(path + "." + name + " is not a setting: use one of " + new TreeSet<>(known));
            }
        }
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    Optional<ConfigNode> child(String key) {
        return has(key) ? Optional.of(of(node.get(key), path + "." + key)) : Optional.empty();
    }

    Optional<String> text(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new NotifyConfigException(path + "." + key + " must be a non-empty text");
        }
        return Optional.of(value.asText().strip());
    }

    String requiredText(String key, String example) {
        return text(key).orElseThrow(() -> new NotifyConfigException(path + "." + key + " is required, for example "
                + key + ": " + example));
    }

    /**
     * The secret called {@code name}, given as {@code nameEnv} or {@code nameFile}. The secret itself under
     * {@code name} is refused without repeating it: a policy file is committed and printed.
     */
    Optional<SecretRef> secret(String name, String exampleVariable, String exampleFile) {
        String env = name + "Env";
        String file = name + "File";
        String fix = "write " + env + ": " + exampleVariable + " (an environment variable) or " + file + ": "
                + exampleFile + " (a mounted file)";
        refuseInline(name, fix);
        if (has(env) && has(file)) {
            throw new NotifyConfigException(path + " sets both " + env + " and " + file + ": keep one");
        }
        if (has(env)) {
            return Optional.of(new SecretRef.Env(text(env).orElseThrow()));
        }
        return text(file).map(value -> new SecretRef.File(Path.of(value)));
    }

    /** Refuses a secret written into the settings, without repeating it: a policy file is committed and printed. */
    void refuseInline(String key, String fix) {
        if (node.has(key)) {
            throw new NotifyConfigException(path + "." + key + " holds a secret inline, and secrets never go in the"
                    + " policy: " + fix + "; rotate the secret if this file was ever committed or shared");
        }
    }

    /** The verdicts that trigger a notification ({@code on: [fail, warn]}). */
    Set<String> verdicts(String key, Set<String> defaults) {
        if (!has(key)) {
            return defaults;
        }
        JsonNode value = node.get(key);
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        Set<String> words = new LinkedHashSet<>();
        for (JsonNode item : items) {
            String word = item.asText().strip().toLowerCase(Locale.ROOT);
            if (!item.isTextual() || !VERDICTS.contains(word)) {
                throw new NotifyConfigException(path + "." + key + " lists '" + item.asText()
                        + "', which is not a verdict: use fail, warn or pass, like " + key + ": [fail, warn]");
            }
            words.add(word);
        }
        return Set.copyOf(words);
    }
}
