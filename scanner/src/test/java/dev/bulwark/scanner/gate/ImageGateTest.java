package dev.bulwark.scanner.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.image.ImageConfig;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.DatabaseSummary;
import dev.bulwark.scanner.report.ScanReport;
import dev.bulwark.scanner.report.Upgrade;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageGateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final ImageGate GATE = new ImageGate(Clock.fixed(NOW, ZoneOffset.UTC), "1.0.0");
    private static final Package LOG4J = pkg("org.apache.logging.log4j:log4j-core", "2.14.1");
    private static final Package TEXT = pkg("org.apache.commons:commons-text", "1.9");
    private static final ScannedImage IMAGE = new ScannedImage(new ResolvedImage("app:1", "sha256:" + "a".repeat(64),
            new ImageConfig("linux", "amd64", "10001", Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of()), List.of(), 0), new Inventory(Optional.empty(), List.of(LOG4J, TEXT), List.of()), 0);

    private static Package pkg(String name, String version) {
        String[] ga = name.split(":");
        return new Package(Ecosystem.MAVEN, name, version, Purl.of("maven", ga[0], ga[1], version), "", "", "sha256:layer",
                "/app/" + ga[1] + "-" + version + ".jar");
    }

    private static Match match(Package pkg, String id, Severity severity, String fixed) {
        return new Match(new Finding(id, Set.of(), pkg.purl(), pkg.path(), severity, OptionalDouble.empty(), fixed, Optional.empty()),
                pkg, id + " title", "test", List.of(), "test");
    }

    private static Policy policy(String text) {
        String yaml = "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: gate-test}\n" + text;
        return new PolicyLoader().parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
    }

    private static ImageGate.Request at(Policy policy, String stage) {
        return new ImageGate.Request(Optional.of(new ImageGate.PolicyStage(policy, stage)), List.of());
    }

    private static final List<Match> LOG4J_FINDINGS = List.of(
            match(LOG4J, "CVE-2021-44228", Severity.CRITICAL, "2.15.0"),
            match(LOG4J, "CVE-2021-45046", Severity.CRITICAL, "2.16.0"),
            match(LOG4J, "CVE-2021-45105", Severity.HIGH, "2.17.0"),
            match(TEXT, "CVE-2022-42889", Severity.MEDIUM, "1.10.0"));

    @Test
    void upgradesEachBlockingPackageOnceToTheLowestVersionThatFixesAllItsBlockingFindings() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: critical}}}]");

        ScanReport report = GATE.judge(IMAGE, LOG4J_FINDINGS, Optional.empty(), at(policy, "prod"));

        assertThat(report.verdict()).containsInstanceOf(Verdict.Fail.class);
        assertThat(report.remediation().upgrades()).singleElement().satisfies(upgrade -> {
            assertThat(upgrade.pkg()).isEqualTo(LOG4J);
            assertThat(upgrade.toVersion()).isEqualTo("2.16.0");
            assertThat(upgrade.fixes()).containsExactlyInAnyOrder("CVE-2021-44228", "CVE-2021-45046");
        });
        assertThat(report.remediation().reachesPass()).isTrue();
    }

    @Test
    void includesWarningsSoThatTheUpgradesReachPassNotJustWarn() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: critical, warn: medium}}}]");

        ScanReport report = GATE.judge(IMAGE, LOG4J_FINDINGS, Optional.empty(), at(policy, "prod"));

        assertThat(report.remediation().upgrades()).extracting(Upgrade::toVersion).containsExactlyInAnyOrder("2.17.0", "1.10.0");
        assertThat(report.remediation().reachesPass()).isTrue();
    }

    @Test
    void saysWhenNoUpgradeCanReachPass() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: high}, image: {runAsRoot: fail}}}]");
        List<Match> findings = List.of(match(TEXT, "CVE-2099-0001", Severity.HIGH, ""));

        ScanReport report = GATE.judge(IMAGE, findings, Optional.empty(), at(policy, "prod"));

        assertThat(report.remediation().reachesPass()).isFalse();
        assertThat(report.remediation().unfixable()).singleElement().asString().contains("CVE-2099-0001").contains("no fixed version");
    }

    @Test
    void failsClosedOnAStaleDatabaseUnlessTheUserOverrodeIt() {
        Policy policy = policy("database: {maxAgeHours: 24}\nstages: [{name: prod}]");
        DatabaseSummary stale = new DatabaseSummary(NOW.minusSeconds(3 * 86_400), Optional.empty(), List.of("x"), 1, true, false);
        DatabaseSummary overridden = new DatabaseSummary(NOW.minusSeconds(3 * 86_400), Optional.empty(), List.of("x"), 1, true, true);

        ScanReport failed = GATE.judge(IMAGE, List.of(), Optional.of(stale), at(policy, "prod"));
        ScanReport passed = GATE.judge(IMAGE, List.of(), Optional.of(overridden), at(policy, "prod"));

        assertThat(failed.verdict()).containsInstanceOf(Verdict.Fail.class);
        assertThat(failed.verdict().get().judgement().reasons()).singleElement()
                .satisfies(reason -> assertThat(reason.why()).contains("bulwark db update").contains("allow a stale database"));
        assertThat(passed.verdict()).containsInstanceOf(Verdict.Pass.class);
        assertThat(passed.database()).hasValueSatisfying(db -> assertThat(db.staleOverridden()).isTrue());
    }

    @Test
    void reportsSuppressedFindingsApartWithTheirReason() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: critical}}}]\n"
                + "exceptions: [{vulnerability: CVE-2021-45046, expires: 2027-01-01, reason: JNDI lookups disabled, owner: app-team}]");

        ScanReport report = GATE.judge(IMAGE, LOG4J_FINDINGS, Optional.empty(), at(policy, "prod"));

        assertThat(report.suppressed()).singleElement().satisfies(suppressed -> {
            assertThat(suppressed.match().finding().vulnerabilityId()).isEqualTo("CVE-2021-45046");
            assertThat(suppressed.by()).isEqualTo("exception");
            assertThat(suppressed.reason()).contains("JNDI lookups disabled");
        });
        assertThat(report.matches()).extracting(m -> m.finding().vulnerabilityId()).doesNotContain("CVE-2021-45046");
        assertThat(report.remediation().upgrades()).singleElement().satisfies(upgrade -> assertThat(upgrade.toVersion()).isEqualTo("2.15.0"));
    }

    @Test
    void withoutAPolicyAdvisesUpgradingEveryFixablePackage() {
        ScanReport report = GATE.judge(IMAGE, LOG4J_FINDINGS, Optional.empty(), new ImageGate.Request(Optional.empty(), List.of()));

        assertThat(report.verdict()).isEmpty();
        assertThat(report.remediation().upgrades()).extracting(Upgrade::toVersion).containsExactlyInAnyOrder("2.17.0", "1.10.0");
    }
}
