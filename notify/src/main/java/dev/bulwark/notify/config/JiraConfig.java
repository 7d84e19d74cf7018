package dev.bulwark.notify.config;

import dev.bulwark.notify.jira.JiraSettings.Flavour;
import dev.bulwark.notify.jira.JiraSettings.Grouping;
import dev.bulwark.policy.gate.Verdict;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where and how to open Jira tickets for what the gate finds. Read from the policy's {@code notify.jira}:
 *
 * <pre>
 * jira:
 *   url: https://example.atlassian.net
 *   flavour: cloud                 # or data-center
 *   project: SEC
 *   issueType: Bug
 *   doneTransition: Done           # closes tickets whose vulnerability is gone
 *   grouping: per-vulnerability    # or per-build
 *   emailEnv: JIRA_EMAIL           # cloud: email + API token
 *   apiTokenEnv: JIRA_API_TOKEN
 *   # tokenEnv: JIRA_TOKEN         # data-center: a personal access token (or tokenFile)
 *   on: [fail]
 * </pre>
 *
 * @param url            the site's base URL
 * @param flavour        Cloud or Data Center, which differ in API version and authentication
 * @param project        the project key
 * @param issueType      the issue type of new tickets
 * @param doneTransition the transition that closes a ticket, when tickets should be closed
 * @param grouping       one ticket per vulnerability and image repository, or one per build
 * @param auth           the credentials, by reference
 * @param on             the verdicts that open tickets
 */
public record JiraConfig(URI url, Flavour flavour, String project, String issueType, Optional<String> doneTransition,
                           Grouping grouping, JiraAuth auth, Set<String> on) {

    /** Only failures open tickets by default: warnings are for Slack. */
    public static final Set<String> DEFAULT_ON = Set.of("fail");

    private static final Set<String> KEYS = Set.of("url", "flavour", "project", "issueType", "doneTransition",
            "grouping", "emailEnv", "emailFile", "email", "apiTokenEnv", "apiTokenFile", "apiToken", "tokenEnv",
            "tokenFile", "token", "password", "on");

    public JiraConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(project, "project");
        issueType = Objects.requireNonNullElse(issueType, "Bug");
        doneTransition = Objects.requireNonNullElse(doneTransition, Optional.empty());
        grouping = Objects.requireNonNullElse(grouping, Grouping.PER_VULNERABILITY);
        Objects.requireNonNull(auth, "auth");
        on = Set.copyOf(on);
    }

    /** Whether a gate with this verdict should open or update tickets. */
    public boolean notifiesOn(Verdict verdict) {
        return on.contains(verdict.word());
    }

    static JiraConfig read(ConfigNode node) {
        node.allowOnly(KEYS);
        node.refuseInline("password", "use an API token (Cloud) or a personal access token (Data Center) instead");
        URI url = siteUrl(node);
        Flavour flavour = flavour(node.requiredText("flavour", "cloud"), node.path() + ".flavour");
        String project = node.requiredText("project", "SEC");
        return new JiraConfig(url, flavour, project, node.text("issueType").orElse("Bug"), node.text("doneTransition"),
                node.text("grouping").map(word -> grouping(word, node.path() + ".grouping")).orElse(null),
                auth(node, flavour), node.verdicts("on", DEFAULT_ON));
    }

    private static URI siteUrl(ConfigNode node) {
        String text = node.requiredText("url", "https://example.atlassian.net");
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new NotifyConfigException(node.path() + ".url is not a URL: write the site's address, like https://example.atlassian.net");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new NotifyConfigException(node.path() + ".url must be an http(s) address, like https://example.atlassian.net");
        }
        if (url.getRawUserInfo() != null) {
            throw new NotifyConfigException(node.path() + ".url holds credentials: remove them from the URL and use "
                    + "emailEnv/apiTokenEnv (Cloud) or tokenEnv (Data Center); rotate them if this file was committed");
        }
        return url;
    }

    private static JiraAuth auth(ConfigNode node, Flavour flavour) {
        Optional<SecretRef> email = node.secret("email", "JIRA_EMAIL", "/run/secrets/jira-email");
        Optional<SecretRef> apiToken = node.secret("apiToken", "JIRA_API_TOKEN", "/run/secrets/jira-api-token");
        Optional<SecretRef> token = node.secret("token", "JIRA_TOKEN", "/run/secrets/jira-token");
        if (flavour == Flavour.CLOUD) {
            if (token.isPresent() || email.isEmpty() || apiToken.isEmpty()) {
                throw new NotifyConfigException(node.path() + ": Jira Cloud signs in with the account's email and an API"
                        + " token (id.atlassian.com → Security → API tokens): set emailEnv and apiTokenEnv"
                        + (token.isPresent() ? ", not tokenEnv/tokenFile" : ""));
            }
            return new JiraAuth.CloudApiToken(email.get(), apiToken.get());
        }
        if (token.isEmpty() || email.isPresent() || apiToken.isPresent()) {
            throw new NotifyConfigException(node.path() + ": Jira Data Center signs in with a personal access token"
                    + " (profile → Personal Access Tokens): set tokenEnv or tokenFile"
                    + (email.isPresent() || apiToken.isPresent() ? ", not emailEnv/apiTokenEnv" : ""));
        }
        return new JiraAuth.PersonalAccessToken(token.get());
    }

    /** Reads {@code cloud} or {@code data-center}. */
    private static Flavour flavour(String word, String setting) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "cloud" -> Flavour.CLOUD;
            case "data-center", "datacenter", "server" -> Flavour.DATA_CENTER;
            default -> throw new NotifyConfigException(setting + " is '" + word + "': use cloud or data-center");
        };
    }

    /** Reads {@code per-vulnerability} or {@code per-build}. */
    private static Grouping grouping(String word, String setting) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "per-vulnerability" -> Grouping.PER_VULNERABILITY;
            case "per-build" -> Grouping.PER_BUILD;
            default -> throw new NotifyConfigException(setting + " is '" + word + "': use per-vulnerability or per-build");
        };
    }

    /** Jira credentials, by reference. */
    public sealed interface JiraAuth permits JiraAuth.CloudApiToken, JiraAuth.PersonalAccessToken {

        /**
         * The value of the function for these credentials' kind.
         *
         * @param cloud      for Jira Cloud's email and API token
         * @param dataCenter for Data Center's personal access token
         * @param <R>        what the functions return
         * @return the chosen function's value
         */
        <R> R match(Function<CloudApiToken, R> cloud, Function<PersonalAccessToken, R> dataCenter);

        /** Jira Cloud: basic authentication with the account's email and an API token. */
        record CloudApiToken(SecretRef email, SecretRef apiToken) implements JiraAuth {
            public CloudApiToken {
                Objects.requireNonNull(email, "email");
                Objects.requireNonNull(apiToken, "apiToken");
            }

            @Override
            public <R> R match(Function<CloudApiToken, R> cloud, Function<PersonalAccessToken, R> dataCenter) {
                return cloud.apply(this);
            }
        }

        /** Jira Data Center 8.14 and later: a personal access token sent as a bearer token. */
        record PersonalAccessToken(SecretRef token) implements JiraAuth {
            public PersonalAccessToken {
                Objects.requireNonNull(token, "token");
            }

            @Override
            public <R> R match(Function<CloudApiToken, R> cloud, Function<PersonalAccessToken, R> dataCenter) {
                return dataCenter.apply(this);
            }
        }
    }
}
