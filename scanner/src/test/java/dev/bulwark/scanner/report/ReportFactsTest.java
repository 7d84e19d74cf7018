package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportFactsTest {

    @Test
    void judgesOnlyCountedFindingsEvenWhenASuppressedCopySharesTheirSubject() {
        ScanReport fixture = ReportFixture.report();
        Match log4shell = fixture.matches().get(0);
        Package otherCopy = new Package(Ecosystem.MAVEN, log4shell.pkg().name(), log4shell.pkg().version(), log4shell.pkg().purl(), "", "",
                ReportFixture.APP_LAYER, "app/tools.jar!/lib/log4j-core-2.14.1.jar");
        Match suppressedCopy = ReportFixture.match(otherCopy, "CVE-2021-44228", Set.of(), Severity.CRITICAL, 10.0, "2.15.0",
                log4shell.title(), "CVSS_V3 vector", "GitHub Advisory Database", null);
        List<SuppressedMatch> suppressed = new ArrayList<>(fixture.suppressed());
        suppressed.add(new SuppressedMatch(suppressedCopy, "exception", "only in a build tool"));
        ScanReport report = new ScanReport(fixture.bulwarkVersion(), fixture.createdAt(), fixture.image(), fixture.matches(),
                suppressed, fixture.verdict(), fixture.policyName(), fixture.remediation(), fixture.database());

        ReportFacts facts = ReportFacts.of(report);

        assertThat(facts.gate(log4shell)).contains(Action.FAIL);
        assertThat(facts.gate(suppressedCopy)).isEmpty();
        assertThat(facts.reasonsAbout(suppressedCopy)).isEmpty();
    }

    @Test
    void tellsTheReasonsAboutTheImageAndPackagesFromThoseAboutFindings() {
        ReportFacts facts = ReportFacts.of(ReportFixture.report());

        assertThat(facts.otherReasons()).extracting(reason -> reason.rule())
                .containsExactly("deniedPackages", "image.runAsRoot");
    }

    @Test
    void countsEverySeverityWorstFirst() {
        assertThat(ReportFacts.of(ReportFixture.report()).counts()).containsExactly(
                entry(Severity.CRITICAL, 2), entry(Severity.HIGH, 2),
                entry(Severity.MEDIUM, 1), entry(Severity.LOW, 0),
                entry(Severity.UNKNOWN, 1));
    }
}
