package dev.bulwark.notify.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.notify.ticket.TicketFingerprint;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JiraLabelsTest {

    // Tickets filed by earlier releases are found by these labels: changing them would file every ticket again.
    @Test
    void keepsTheLabelsOfExistingTicketsStable() {
        assertThat(JiraLabels.repository("registry.example.com/team/app:1.4.2"))
                .isEqualTo("bulwark-repo-7c14ca571345f09fc087")
                .isEqualTo(JiraLabels.repository("registry.example.com/team/app@sha256:" + "ab".repeat(32)));
        assertThat(JiraLabels.stage("registry.example.com/team/app", "production"))
                .isEqualTo("bulwark-stage-472c2d39130c3c0cde95");
        assertThat(JiraLabels.build(GateOutcomes.build42()).label()).isEqualTo("bulwark-cdaeb373d44efbd1c2b3");
    }

    @Test
    void findsOnlyFingerprintLabelsAmongATicketsLabels() {
        Set<TicketFingerprint> fingerprints = JiraLabels.fingerprints(Set.of("bulwark", "security",
                "bulwark-repo-7c14ca571345f09fc087", "bulwark-6745ebf3c61d0ec3ae9b"));

        assertThat(fingerprints).containsExactly(new TicketFingerprint("bulwark-6745ebf3c61d0ec3ae9b"));
    }

    @Test
    void quotesJqlValues() {
        assertThat(Jql.quote("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
    }
}
