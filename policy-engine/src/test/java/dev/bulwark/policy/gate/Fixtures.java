package dev.bulwark.policy.gate;

import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.pkg.InstalledPackage;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.ImageFacts;
import dev.bulwark.policy.vuln.Severity;
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

/** Small builders for gate tests: policies from YAML text, findings and images in one line. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ImageFacts NON_ROOT_IMAGE = new ImageFacts("localhost:5000/app:1", "10001", Map.of(), Set.of(), 0, Optional.empty());

    private Fixtures() {
    }

    static Policy policy(String stagesAndMore) {
        String yaml = "apiVersion: bulwark.dev/v1\nkind: Policy\nmetadata: {name: test}\n" + stagesAndMore;
        return new PolicyLoader().parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
    }

    static Verdict judge(Policy policy, String stage, GateInput input) {
        return new GateEvaluator(policy, CLOCK).evaluate(stage, input);
    }

    static GateInput findings(Finding... findings) {
        return new GateInput(NON_ROOT_IMAGE, List.of(), List.of(findings), List.of());
    }

    static Finding finding(String id, String purl, Severity severity, String fixedVersion) {
        return new Finding(id, Set.of(), Purl.parse(purl), "/var/lib/dpkg/status", severity, OptionalDouble.empty(),
                fixedVersion, Optional.empty());
    }

    static Finding scored(String id, String purl, double cvss) {
        return new Finding(id, Set.of(), Purl.parse(purl), "", Severity.fromScore(cvss), OptionalDouble.of(cvss), "", Optional.empty());
    }

    static Finding published(String id, Severity severity, long daysAgo) {
        return new Finding(id, Set.of(), Purl.parse("pkg:deb/debian/libxml2@2.9.14"), "", severity, OptionalDouble.empty(),
                "", Optional.of(NOW.minusSeconds(daysAgo * 86_400)));
    }

    static InstalledPackage pkg(String purl) {
        return new InstalledPackage(Purl.parse(purl), "/app/node_modules");
    }
}
