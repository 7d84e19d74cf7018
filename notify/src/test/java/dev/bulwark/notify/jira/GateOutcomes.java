package dev.bulwark.notify.jira;

import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.policy.gate.Judgement;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Gate outcomes for one image repository across builds, as the tests' Jira sees them. */
final class GateOutcomes {

    static final String REPOSITORY = "registry.example.com/team/app";
    static final String RAPID_RESET = "CVE-2023-44487";
    static final String WEBP = "CVE-2023-4863";

    static final FindingAdvice RAPID_RESET_IN_X_NET = new FindingAdvice(
            finding(RAPID_RESET, "pkg:golang/golang.org/x/net@0.7.0", Severity.HIGH, 7.5, "0.17.0", "/app/server"),
            "HTTP/2 rapid reset can cause excessive work in net/http",
            "Upgrade golang.org/x/net from 0.7.0 to 0.17.0", true,
            List.of("https://nvd.nist.gov/vuln/detail/CVE-2023-44487", "https://go.dev/issue/63417"));

    static final FindingAdvice WEBP_IN_LIBWEBP = new FindingAdvice(
            finding(WEBP, "pkg:deb/debian/libwebp7@1.2.4-0.2?distro=debian-12", Severity.HIGH, 8.8,
                    "1.2.4-0.2+deb12u1", "/var/lib/dpkg/status"),
            "Heap buffer overflow in libwebp",
            "Upgrade libwebp7 from 1.2.4-0.2 to 1.2.4-0.2+deb12u1 (apt-get upgrade in the base image)", true,
            List.of("https://security-tracker.debian.org/tracker/CVE-2023-4863"));

    static final FindingAdvice OPENSSL_LOW = new FindingAdvice(
            finding("CVE-2023-5678", "pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12", Severity.LOW, 5.3,
                    "", "/var/lib/dpkg/status"),
            "Excessive time spent in DH check", "No fixed version yet: accept it or rebuild when Debian ships one", false,
            List.of());

    private GateOutcomes() {
    }

    /** Build 42 of the image at stage production, failing on the given findings. */
    static GateOutcome build42(FindingAdvice... findings) {
        return build(42, findings);
    }

    /** Build 43: a later build of the same repository at the same stage. */
    static GateOutcome build43(FindingAdvice... findings) {
        return build(43, findings);
    }

    private static GateOutcome build(int number, FindingAdvice... findings) {
        List<FindingAdvice> advice = List.of(findings);
        Judgement judgement = new Judgement("production", List.of(), List.of(), List.of());
        Verdict verdict = advice.stream().anyMatch(FindingAdvice::blocking) ? new Verdict.Fail(judgement) : new Verdict.Pass(judgement);
        return new GateOutcome(REPOSITORY, REPOSITORY + ":1.4." + number, "sha256:" + "ab".repeat(32), "production",
                "default", verdict, advice, Optional.of(URI.create("https://ci.example.com/job/app/" + number + "/")),
                Instant.parse("2026-11-29T10:15:30Z"));
    }

    static Finding finding(String id, String purl, Severity severity, double score, String fixed, String path) {
        return new Finding(id, Set.of(), Purl.parse(purl), path, severity, OptionalDouble.of(score), fixed, Optional.empty());
    }
}
