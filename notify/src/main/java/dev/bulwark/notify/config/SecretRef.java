package dev.bulwark.notify.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a secret is kept: settings name the place, never the value, so a policy file can be committed and
 * printed. {@link Secrets} reads the value when it is needed.
 */
public sealed interface SecretRef permits SecretRef.Env, SecretRef.File {

    /**
     * The value of the function for this kind, so that a new kind does not compile until every consumer handles it.
     *
     * @param <R> what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<Env, R> env, Function<File, R> file);

    /** Where the secret is, in words for error messages: {@code environment variable SLACK_WEBHOOK_URL}. */
    String describe();

    /**
     * A secret in an environment variable, as CI systems inject credentials.
     *
     * @param variable the variable's name ({@code SLACK_WEBHOOK_URL})
     */
    record Env(String variable) implements SecretRef {
        @Override
        public <R> R match(Function<Env, R> env, Function<File, R> file) {
            return env.apply(this);
        }

        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public Env {
            Objects.requireNonNull(variable, "variable");
            if (!NAME.matcher(variable).matches()) {
                // The text may be the secret pasted in the wrong place: do not repeat it.
                throw new NotifyConfigException("a secret's environment variable name must be letters, digits and '_'"
                        + " (like SLACK_WEBHOOK_URL), but it holds something else; if you pasted the secret itself,"
                        + " rotate it and put it in an environment variable instead");
            }
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }
    }

    /**
     * A secret in a file, as Docker and Kubernetes mount them ({@code /run/secrets/slack}); surrounding
     * whitespace and the trailing newline are ignored.
     *
     * @param path the file
     */
    record File(Path path) implements SecretRef {
        @Override
        public <R> R match(Function<Env, R> env, Function<File, R> file) {
            return file.apply(this);
        }

        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "secret file " + path;
        }
    }
}
