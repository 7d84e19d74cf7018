package dev.bulwark.policy.gate;

import static dev.bulwark.policy.gate.Fixtures.finding;
import static dev.bulwark.policy.gate.Fixtures.judge;
import static dev.bulwark.policy.gate.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.pkg.PurlPattern;
import dev.bulwark.policy.vex.VexStatement;
import dev.bulwark.policy.vex.VexStatus;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExceptionsAndVexTest {

    private static final String STAGES = "stages: [{name: dev, gate: {severity: {fail: high}}}, {name: prod, extends: dev}]\n";
    private static final Finding LOG4SHELL = new Finding("GHSA-jfh8-c2jp-5v3q", Set.of("CVE-2021-44228"),
            Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), "/app/app.war!/WEB-INF/lib/log4j-core-2.14.1.jar",
            Severity.CRITICAL, OptionalDouble.of(10.0), "2.15.0", Optional.empty());

    private static Policy withException(String exception) {
        return policy(STAGES + "exceptions:\n  - " + exception + "\n");
    }

    private static GateInput input(List<VexStatement> vex, Finding... findings) {
        return new GateInput(Fixtures.NON_ROOT_IMAGE, List.of(), List.of(findings), vex);
    }

    @Test
    void anActiveExceptionSuppressesAFindingKnownByAnAlias() {
        Policy policy = withException("{vulnerability: CVE-2021-44228, expires: 2026-12-31, reason: not reachable, owner: team-a}");

        Verdict verdict = judge(policy, "dev", input(List.of(), LOG4SHELL));

        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.judgement().suppressed()).singleElement().satisfies(suppression -> {
            assertThat(suppression.by()).isEqualTo("exception");
            assertThat(suppression.detail()).contains("owner team-a").contains("not reachable");
        });
    }

    @Test
    void anExpiredExceptionStopsSuppressingAndIsReportedAsExpired() {
        Policy policy = withException("{vulnerability: CVE-2021-44228, expires: 2026-11-28, reason: r, owner: o}");

        Verdict verdict = judge(policy, "dev", input(List.of(), LOG4SHELL));

        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(verdict.judgement().suppressed()).isEmpty();
        assertThat(verdict.judgement().expiredExceptions()).singleElement()
                .satisfies(exception -> assertThat(exception.vulnerability()).isEqualTo("CVE-2021-44228"));
    }

    @Test
    void anExceptionStillAppliesOnItsLastDay() {
        Policy policy = withException("{vulnerability: CVE-2021-44228, expires: 2026-11-29, reason: r, owner: o}");

        assertThat(judge(policy, "dev", input(List.of(), LOG4SHELL))).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void anExceptionLimitedToAStageDoesNotApplyInOthers() {
        Policy policy = withException("{vulnerability: CVE-2021-44228, stages: [dev], expires: 2027-01-01, reason: r, owner: o}");

        assertThat(judge(policy, "dev", input(List.of(), LOG4SHELL))).isInstanceOf(Verdict.Pass.class);
        assertThat(judge(policy, "prod", input(List.of(), LOG4SHELL))).isInstanceOf(Verdict.Fail.class);
    }

    @Test
    void anExceptionByPurlPatternAndPathGlobCoversOnlyWhatItNames() {
        Policy policy = withException("{purl: 'pkg:maven/org.apache.logging.log4j/*', path: '/app/**',"
                + " expires: 2027-01-01, reason: r, owner: o}");
        Finding elsewhere = new Finding("CVE-2021-44228", Set.of(), LOG4SHELL.pkg(), "/opt/other/log4j-core.jar",
                Severity.CRITICAL, OptionalDouble.empty(), "2.15.0", Optional.empty());

        assertThat(judge(policy, "dev", input(List.of(), LOG4SHELL))).isInstanceOf(Verdict.Pass.class);
        assertThat(judge(policy, "dev", input(List.of(), elsewhere))).isInstanceOf(Verdict.Fail.class);
    }

    @Test
    void aNotAffectedVexStatementSuppressesTheFindingWithItsJustification() {
        VexStatement notAffected = new VexStatement("CVE-2021-44228",
                List.of(PurlPattern.of("pkg:maven/org.apache.logging.log4j/log4j-core")), VexStatus.NOT_AFFECTED,
                "vulnerable_code_not_in_execute_path", "app.openvex.json");

        Verdict verdict = judge(policy(STAGES), "prod", input(List.of(notAffected), LOG4SHELL));

        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.judgement().suppressed()).singleElement().satisfies(suppression -> {
            assertThat(suppression.by()).isEqualTo("vex");
            assertThat(suppression.detail()).contains("vulnerable_code_not_in_execute_path").contains("app.openvex.json");
        });
    }

    @Test
    void anAffectedVexStatementSuppressesNothing() {
        VexStatement affected = new VexStatement("CVE-2021-44228", List.of(), VexStatus.AFFECTED, "", "vex.json");

        assertThat(judge(policy(STAGES), "prod", input(List.of(affected), LOG4SHELL))).isInstanceOf(Verdict.Fail.class);
    }

    @Test
    void aVexStatementForAnotherProductSuppressesNothing() {
        VexStatement otherProduct = new VexStatement("CVE-2021-44228", List.of(PurlPattern.of("pkg:maven/org.example/other")),
                VexStatus.NOT_AFFECTED, "component_not_present", "vex.json");

        assertThat(judge(policy(STAGES), "prod", input(List.of(otherProduct), LOG4SHELL))).isInstanceOf(Verdict.Fail.class);
    }

    @Test
    void suppressedFindingsDoNotCountTowardsOtherRulesEither() {
        Policy policy = policy("stages: [{name: dev, gate: {severity: {fail: high}, cvss: {fail: 9.0}}}]\n"
                + "exceptions: [{vulnerability: GHSA-jfh8-c2jp-5v3q, expires: 2027-01-01, reason: r, owner: o}]\n");
        Finding other = finding("CVE-2", "pkg:deb/debian/zlib@1.2.13", Severity.LOW, "");

        Verdict verdict = judge(policy, "dev", input(List.of(), LOG4SHELL, other));

        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.judgement().reasons()).isEmpty();
    }
}
