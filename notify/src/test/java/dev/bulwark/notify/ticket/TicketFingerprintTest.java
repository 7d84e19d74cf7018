package dev.bulwark.notify.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketFingerprintTest {

    @Test
    void givesTheSameLabelToTheSameVulnerabilityInEveryBuildOfARepository() {
        TicketFingerprint first = TicketFingerprint.of("localhost:5000/team/app:1.0", "CVE-2023-44487");
        TicketFingerprint later = TicketFingerprint.of("localhost:5000/team/app@sha256:" + "b".repeat(64), "cve-2023-44487");

        assertThat(later).isEqualTo(first);
    }

    @Test
    void givesDifferentLabelsToDifferentVulnerabilitiesOrRepositories() {
        TicketFingerprint base = TicketFingerprint.of("localhost:5000/team/app", "CVE-2023-44487");

        assertThat(TicketFingerprint.of("localhost:5000/team/app", "CVE-2023-4863")).isNotEqualTo(base);
        assertThat(TicketFingerprint.of("localhost:5000/team/web", "CVE-2023-44487")).isNotEqualTo(base);
    }

    @Test
    void makesALabelJiraAccepts() {
        String label = TicketFingerprint.of("registry.example.com:443/a b", "GHSA-jfh8-c2jp-5v3q").label();

        assertThat(label).startsWith("bulwark-").doesNotContain(" ").hasSize("bulwark-".length() + 20);
    }

    @Test
    void keepsTheRegistryPortApartFromATag() {
        assertThat(TicketFingerprint.of("localhost:5000/app", "CVE-1"))
                .isEqualTo(TicketFingerprint.of("localhost:5000/app:latest", "CVE-1"))
                .isNotEqualTo(TicketFingerprint.of("localhost/app", "CVE-1"));
    }

    @Test
    void refusesAnEmptyVulnerabilityId() {
        assertThatThrownBy(() -> TicketFingerprint.of("app", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vulnerability ID");
    }
}
