package dev.bulwark.notify.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraSettingsTest {

    private static final URI SITE = URI.create("https://example.atlassian.net");

    @Test
    void defaultsToBugTicketsPerVulnerabilityResolvedByDone() {
        JiraSettings settings = JiraSettings.cloud(SITE, "sec", "bot@example.com", "token");

        assertThat(settings.projectKey()).isEqualTo("SEC");
        assertThat(settings.issueType()).isEqualTo("Bug");
        assertThat(settings.doneTransition()).isEqualTo("Done");
        assertThat(settings.grouping()).isEqualTo(JiraSettings.Grouping.PER_VULNERABILITY);
    }

    @Test
    void neverShowsTheSecretWhenPrinted() {
        JiraSettings cloud = JiraSettings.cloud(SITE, "SEC", "bot@example.com", "ATATT-secret");
        JiraSettings dataCenter = JiraSettings.dataCenter(URI.create("https://jira.example.com"), "SEC", "pat-secret");

        assertThat(cloud.toString()).contains("bot@example.com").doesNotContain("ATATT-secret");
        assertThat(dataCenter.toString()).doesNotContain("pat-secret");
    }

    @Test
    void refusesCredentialsThatDoNotSuitTheFlavour() {
        assertThatThrownBy(() -> new JiraSettings(SITE, JiraSettings.Flavour.CLOUD, "SEC", null, List.of(), null, null,
                new JiraCredentials.PersonalAccessToken("pat")))
                .hasMessage("Jira Cloud signs in with an e-mail address and API token, not a personal access token");
    }

    @Test
    void refusesAProjectNameInPlaceOfItsKey() {
        assertThatThrownBy(() -> JiraSettings.cloud(SITE, "Security Team", "bot@example.com", "token"))
                .hasMessageContaining("is not a Jira project key").hasMessageContaining("SEC for SEC-12");
    }

    @Test
    void refusesALabelWithASpace() {
        JiraSettings settings = JiraSettings.cloud(SITE, "SEC", "bot@example.com", "token");

        assertThatThrownBy(() -> settings.withLabels(List.of("container security")))
                .hasMessageContaining("cannot be a Jira label");
    }

    @Test
    void refusesAnEmptyApiTokenSayingWhereToMakeOne() {
        assertThatThrownBy(() -> JiraSettings.cloud(SITE, "SEC", "bot@example.com", " "))
                .hasMessageContaining("id.atlassian.com");
    }
}
