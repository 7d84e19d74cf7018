package dev.bulwark.notify.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.notify.slack.SlackMessage;
import dev.bulwark.policy.vuln.Severity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A developer reads a package's name in the Jira ticket and in the Slack message: it is the same name. */
class PackageNamesAgreeTest {

    @ParameterizedTest
    @CsvSource({
        "'pkg:deb/debian/libwebp7@1.2.4-0.2?distro=debian-12', libwebp7",
        "'pkg:rpm/rocky/openssl-libs@3.0.7-27.el9', openssl-libs",
        "'pkg:apk/alpine/musl@1.2.4-r2', musl",
        "'pkg:maven/io.netty/netty-codec-http2@4.1.97.Final', io.netty:netty-codec-http2",
        "'pkg:npm/%40babel/traverse@7.22.0', @babel/traverse",
        "'pkg:golang/golang.org/x/net@0.7.0', golang.org/x/net",
        "'pkg:pypi/django@4.2', django",
        "'pkg:gem/rails@7.0.0', rails"
    })
    void theTicketAndTheSlackMessageNameAPackageAlike(String purl, String name) {
        FindingAdvice advice = new FindingAdvice(GateOutcomes.finding("CVE-2023-0001", purl,
                Severity.HIGH, 7.5, "99.0", "/image/path"), "", "", true, List.of());
        GateOutcome outcome = GateOutcomes.build42(advice);

        String summary = TicketContent.vulnerabilitySummary(outcome, List.of(advice));
        String slack = SlackMessage.of(outcome).toJson();

        assertThat(summary).contains(" in " + name + " (");
        assertThat(slack).contains("upgrade " + name + " from ");
    }
}
