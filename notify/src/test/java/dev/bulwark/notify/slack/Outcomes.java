package dev.bulwark.notify.slack;

import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.policy.gate.Judgement;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Gate outcomes as the CLI builds them, for the Slack tests. */
final class Outcomes {

    static final String IMAGE = "registry.example.com/team/app:1.4.2";
    static final URI BUILD = URI.create("https://ci.example.com/job/app/42/");
    static final Instant AT = Instant.parse("2026-03-01T10:15:00Z");

    private Outcomes() {
    }

    /** The HTTP/2 rapid-reset CVE in netty, which blocks, and a medium one in zlib, which does not. */
    static GateOutcome failingOnNetty() {
        FindingAdvice netty = advice(finding("CVE-2023-44487", Purl.of("maven", "io.netty", "netty-codec-http2", "4.1.97.Final"),
                Severity.HIGH, 7.5, "4.1.100.Final"), "HTTP/2 Rapid Reset", "upgrade io.netty:netty-codec-http2 from 4.1.97.Final to 4.1.100.Final", true);
        FindingAdvice zlib = advice(finding("CVE-2023-45853", Purl.of("deb", "debian", "zlib1g", "1:1.2.13.dfsg-1"),
                Severity.MEDIUM, 5.3, ""), "MiniZip integer overflow", "", false);
        List<Reason> reasons = List.of(
                new Reason("severity", Action.FAIL, netty.finding().subject(), "high vulnerabilities fail the prod gate"),
                new Reason("image.runAsRoot", Action.FAIL, IMAGE, "the image runs as root: add USER 10001 to the Dockerfile"));
        return outcome(new Verdict.Fail(judgement(reasons)), List.of(netty, zlib));
    }

    static GateOutcome failingWith(int blockingFindings) {
        List<FindingAdvice> findings = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < blockingFindings; i++) {
            Finding finding = finding("CVE-2024-" + (10000 + i), Purl.of("npm", "", "left-pad-" + i, "1.0." + i),
                    i % 7 == 0 ? Severity.CRITICAL : Severity.HIGH, 8.0, "2.0.0");
            findings.add(advice(finding, "A long advisory title ".repeat(40), "", true));
            reasons.add(new Reason("severity", Action.FAIL, finding.subject(), "too severe"));
        }
        for (int i = 0; i < 30; i++) {
            reasons.add(new Reason("packages.banned", Action.FAIL, "pkg:npm/banned-" + i, "banned-" + i + " is banned"));
        }
        return outcome(new Verdict.Fail(judgement(reasons)), findings);
    }

    static GateOutcome outcome(Verdict verdict, List<FindingAdvice> findings) {
        return new GateOutcome("registry.example.com/team/app", IMAGE, "sha256:" + "ab".repeat(32), "prod", "default",
                verdict, findings, Optional.of(BUILD), AT);
    }

    static Judgement judgement(List<Reason> reasons) {
        return new Judgement("prod", reasons, List.of(), List.of());
    }

    static Finding finding(String id, Purl pkg, Severity severity, double score, String fixed) {
        return new Finding(id, Set.of(), pkg, "", severity, OptionalDouble.of(score), fixed, Optional.empty());
    }

    static FindingAdvice advice(Finding finding, String title, String advice, boolean blocking) {
        return new FindingAdvice(finding, title, advice, blocking, List.of("https://nvd.nist.gov/vuln/detail/" + finding.vulnerabilityId()));
    }
}
