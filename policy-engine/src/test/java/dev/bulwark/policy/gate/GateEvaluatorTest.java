package dev.bulwark.policy.gate;

import static dev.bulwark.policy.gate.Fixtures.finding;
import static dev.bulwark.policy.gate.Fixtures.findings;
import static dev.bulwark.policy.gate.Fixtures.judge;
import static dev.bulwark.policy.gate.Fixtures.pkg;
import static dev.bulwark.policy.gate.Fixtures.policy;
import static dev.bulwark.policy.gate.Fixtures.published;
import static dev.bulwark.policy.gate.Fixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.vuln.ImageFacts;
import dev.bulwark.policy.vuln.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {

    private static final String OPENSSL = "pkg:deb/debian/openssl@3.0.11-1~deb12u1";

    @Test
    void passesAnImageWithNoFindingsUnderAStrictStage() {
        Verdict verdict = judge(policy("stages: [{name: prod, gate: {severity: {fail: low}}}]"), "prod", findings());

        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        assertThat(verdict.allowsPromotion()).isTrue();
    }

    @Test
    void failsAtTheSeverityThresholdAndSaysWhatToUpgrade() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: high, warn: medium}}}]");

        Verdict verdict = judge(policy, "prod", findings(finding("CVE-2024-0727", OPENSSL, Severity.HIGH, "3.0.13-1~deb12u1")));

        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(verdict.allowsPromotion()).isFalse();
        assertThat(verdict.judgement().reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo("severity");
            assertThat(reason.why()).contains("upgrade debian/openssl from 3.0.11-1~deb12u1 to 3.0.13-1~deb12u1");
        });
    }

    @Test
    void warnsBelowTheFailThresholdAndStillAllowsPromotion() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: high, warn: medium}}}]");

        Verdict verdict = judge(policy, "prod", findings(finding("CVE-1", OPENSSL, Severity.MEDIUM, "")));

        assertThat(verdict).isInstanceOf(Verdict.Warn.class);
        assertThat(verdict.allowsPromotion()).isTrue();
    }

    @Test
    void ignoresUnfixableVulnerabilitiesWhenOnlyFixableOnesCount() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: high}, fixableOnly: true}}]");

        assertThat(judge(policy, "prod", findings(finding("CVE-1", OPENSSL, Severity.CRITICAL, ""))))
                .isInstanceOf(Verdict.Pass.class);
        assertThat(judge(policy, "prod", findings(finding("CVE-1", OPENSSL, Severity.CRITICAL, "3.0.13"))))
                .isInstanceOf(Verdict.Fail.class);
    }

    @Test
    void failsAtACvssScoreAndIgnoresFindingsWithoutOne() {
        Policy policy = policy("stages: [{name: prod, gate: {cvss: {fail: 9.0, warn: 7.0}}}]");

        Verdict verdict = judge(policy, "prod", findings(scored("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", 10.0),
                scored("CVE-2", OPENSSL, 7.5), finding("CVE-3", OPENSSL, Severity.CRITICAL, "")));

        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(verdict.judgement().reasons()).extracting(Reason::subject, reason -> reason.action().word())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CVE-2021-44228 in pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "fail"),
                        org.assertj.core.groups.Tuple.tuple("CVE-2 in " + OPENSSL, "warn"));
    }

    @Test
    void failsWhenAVulnerabilityStaysLongerThanAllowedAfterPublication() {
        Policy policy = policy("stages: [{name: prod, gate: {unfixedAfterDays: {fail: 90, warn: 30, minSeverity: medium}}}]");

        assertThat(judge(policy, "prod", findings(published("CVE-old", Severity.HIGH, 120)))).isInstanceOf(Verdict.Fail.class);
        assertThat(judge(policy, "prod", findings(published("CVE-mid", Severity.HIGH, 45)))).isInstanceOf(Verdict.Warn.class);
        assertThat(judge(policy, "prod", findings(published("CVE-new", Severity.HIGH, 10)))).isInstanceOf(Verdict.Pass.class);
        assertThat(judge(policy, "prod", findings(published("CVE-low", Severity.LOW, 400)))).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void failsOnADeniedPackageEvenWithoutAVulnerability() {
        Policy policy = policy("stages: [{name: prod, gate: {deniedPackages: {packages: [pkg:npm/event-stream@3.3.6]}}}]");
        GateInput input = new GateInput(Fixtures.NON_ROOT_IMAGE,
                List.of(pkg("pkg:npm/event-stream@3.3.6"), pkg("pkg:npm/event-stream@3.3.5")), List.of(), List.of());

        Verdict verdict = judge(policy, "prod", input);

        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(verdict.judgement().reasons()).extracting(Reason::subject).containsExactly("pkg:npm/event-stream@3.3.6");
    }

    @Test
    void warnsAboutPackagesOutsideTheAllowedList() {
        Policy policy = policy("stages: [{name: prod, gate: {allowedPackages: {action: warn, packages: ['pkg:npm/@company/*']}}}]");
        GateInput input = new GateInput(Fixtures.NON_ROOT_IMAGE,
                List.of(pkg("pkg:npm/%40company/ui@1.0.0"), pkg("pkg:npm/left-pad@1.3.0")), List.of(), List.of());

        Verdict verdict = judge(policy, "prod", input);

        assertThat(verdict).isInstanceOf(Verdict.Warn.class);
        assertThat(verdict.judgement().reasons()).extracting(Reason::subject).containsExactly("pkg:npm/left-pad@1.3.0");
    }

    @Test
    void failsAnImageThatRunsAsRootButNotOneWithANumericUser() {
        Policy policy = policy("stages: [{name: prod, gate: {image: {runAsRoot: fail}}}]");
        ImageFacts root = new ImageFacts("app", "0:0", Map.of(), Set.of(), 0, Optional.empty());

        assertThat(judge(policy, "prod", new GateInput(root, null, null, null))).isInstanceOf(Verdict.Fail.class);
        assertThat(judge(policy, "prod", findings())).isInstanceOf(Verdict.Pass.class);
    }

    @Test
    void listsEveryMissingRequiredLabel() {
        Policy policy = policy("stages: [{name: prod, gate: {image: {requiredLabels: {labels: [a.source, a.revision]}}}}]");
        ImageFacts image = new ImageFacts("app", "app", Map.of("a.source", "https://example.com/repo"), Set.of(), 0, Optional.empty());

        Verdict verdict = judge(policy, "prod", new GateInput(image, null, null, null));

        assertThat(verdict.judgement().reasons()).extracting(Reason::why).singleElement().asString().contains("a.revision");
    }

    @Test
    void forbidsAnExposedPortWhateverItsProtocolUnlessTheRuleNamesOne() {
        Policy policy = policy("stages: [{name: prod, gate: {image: {forbiddenPorts: {ports: ['22', 53/udp]}}}}]");
        ImageFacts image = new ImageFacts("app", "app", Map.of(), Set.of("22/tcp", "53/tcp", "8080/tcp"), 0, Optional.empty());

        Verdict verdict = judge(policy, "prod", new GateInput(image, null, null, null));

        assertThat(verdict.judgement().reasons()).extracting(Reason::why).singleElement().asString().contains("22/tcp");
    }

    @Test
    void warnsAboutAnImageLargerThanTheLimit() {
        Policy policy = policy("stages: [{name: prod, gate: {image: {maxSizeMb: {action: warn, limit: 100}}}}]");
        ImageFacts big = new ImageFacts("app", "app", Map.of(), Set.of(), 150L * 1024 * 1024, Optional.empty());

        Verdict verdict = judge(policy, "prod", new GateInput(big, null, null, null));

        assertThat(verdict).isInstanceOf(Verdict.Warn.class);
        assertThat(verdict.judgement().reasons().get(0).why()).contains("150 MiB, over the limit of 100 MiB");
    }

    @Test
    void failsAnImageOnAReleaseThatNoLongerGetsSecurityUpdates() {
        Policy policy = policy("stages: [{name: prod, gate: {image: {endOfLifeDistro: fail}}}]");
        ImageFacts buster = new ImageFacts("app", "app", Map.of(), Set.of(), 0, Optional.of(new ImageFacts.Distro("debian", "10")));
        ImageFacts bookworm = new ImageFacts("app", "app", Map.of(), Set.of(), 0, Optional.of(new ImageFacts.Distro("debian", "12")));
        ImageFacts alpine = new ImageFacts("app", "app", Map.of(), Set.of(), 0, Optional.of(new ImageFacts.Distro("alpine", "3.17.3")));

        assertThat(judge(policy, "prod", new GateInput(buster, null, null, null))).isInstanceOf(Verdict.Fail.class);
        assertThat(judge(policy, "prod", new GateInput(bookworm, null, null, null))).isInstanceOf(Verdict.Pass.class);
        assertThat(judge(policy, "prod", new GateInput(alpine, null, null, null)).judgement().reasons().get(0).why())
                .contains("alpine 3.17.3 reached its end of life on 2024-11-22");
    }

    @Test
    void refusesToJudgeAStageThePolicyDoesNotHave() {
        Policy policy = policy("stages: [{name: dev}, {name: prod}]");

        assertThatThrownBy(() -> judge(policy, "production", findings()))
                .isInstanceOf(Policy.UnknownStageException.class)
                .hasMessage("stage 'production' is not in the policy: use one of dev, prod");
    }

    @Test
    void ordersReasonsFailuresFirstThenByRuleAndSubject() {
        Policy policy = policy("stages: [{name: prod, gate: {severity: {fail: critical, warn: low}}}]");

        Verdict verdict = judge(policy, "prod", findings(finding("CVE-b", OPENSSL, Severity.LOW, ""),
                finding("CVE-a", OPENSSL, Severity.MEDIUM, ""), finding("CVE-c", OPENSSL, Severity.CRITICAL, "")));

        assertThat(verdict.judgement().reasons()).extracting(Reason::subject).extracting(s -> s.substring(0, 5))
                .containsExactly("CVE-c", "CVE-a", "CVE-b");
    }
}
