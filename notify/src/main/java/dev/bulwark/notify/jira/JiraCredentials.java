package dev.bulwark.notify.jira;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How Bulwark signs in to Jira. Jira Cloud takes an Atlassian account's e-mail address and API token as HTTP
 * Basic credentials; Jira Data Center (8.14 and later) takes a personal access token as a Bearer token and
 * refuses it as a Basic password.
 *
 * <p>{@code toString()} never shows the secret, so settings can be logged and put in error messages.
 */
public sealed interface JiraCredentials permits JiraCredentials.CloudApiToken, JiraCredentials.PersonalAccessToken {

    /** The value of the {@code Authorization} header. It holds the secret: never log it. */
    String authorization();

    /** Who signs in, as error messages may name it: the e-mail address, or that a token is used. */
    String principal();

    /** The Jira these credentials sign in to. */
    JiraSettings.Flavour flavour();

    /**
     * Jira Cloud: an Atlassian account and one of its API tokens (made at id.atlassian.com, under
     * Security, API tokens).
     *
     * @param email    the account's e-mail address
     * @param apiToken the API token
     */
    record CloudApiToken(String email, String apiToken) implements JiraCredentials {

        public CloudApiToken {
            requireText(email, "Jira Cloud needs the Atlassian account's e-mail address");
            requireText(apiToken, "Jira Cloud needs an API token for " + email
                    + ": make one at id.atlassian.com under Security, API tokens");
        }

        @Override
        public String authorization() {
            String pair = email + ":" + apiToken;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String principal() {
            return email;
        }

        @Override
        public JiraSettings.Flavour flavour() {
            return JiraSettings.Flavour.CLOUD;
        }

        @Override
        public String toString() {
            return "CloudApiToken[email=" + email + ", apiToken=****]";
        }
    }

    /**
     * Jira Data Center: a personal access token (made in Jira under Profile, Personal Access Tokens).
     *
     * @param token the token
     */
    record PersonalAccessToken(String token) implements JiraCredentials {

        public PersonalAccessToken {
            requireText(token, "Jira Data Center needs a personal access token: make one in Jira under Profile, Personal Access Tokens");
        }

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public JiraSettings.Flavour flavour() {
            return JiraSettings.Flavour.DATA_CENTER;
        }

        @Override
        public String principal() {
            return "the personal access token";
        }

        @Override
        public String toString() {
            return "PersonalAccessToken[token=****]";
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
