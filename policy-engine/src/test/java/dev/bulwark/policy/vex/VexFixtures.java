package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Finding;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** The VEX documents under src/test/resources/vex/, and findings to match them against. */
final class VexFixtures {

    /** Documents that follow the published schemas (OpenVEX v0.2.0, CycloneDX 1.6). */
    static final List<String> SCHEMA_VALID = List.of("openvex/shop-api.openvex.json", "cyclonedx/shop-api.cdx.json",
            "cyclonedx/payments-1.4.cdx.json");

    /** Every document that must read without error; the OpenVEX v0.0.1 one predates the v0.2.0 schema. */
    static final List<String> HAPPY = List.of("openvex/shop-api.openvex.json", "openvex/shop-api-v0.0.1.openvex.json",
            "cyclonedx/shop-api.cdx.json", "cyclonedx/payments-1.4.cdx.json");

    private VexFixtures() {
    }

    static Path fixture(String relative) {
        URL url = VexFixtures.class.getResource("/vex/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture src/test/resources/vex/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<VexStatement> read(String relative) {
        return VexDocuments.read(fixture(relative));
    }

    static Finding finding(String vulnerabilityId, String purl, String... aliases) {
        return new Finding(vulnerabilityId, Set.of(aliases), Purl.parse(purl), "", null, OptionalDouble.empty(), "",
                Optional.empty());
    }

    /** The statements about a finding, as a scanner's VEX step would look them up. */
    static List<VexStatement> about(List<VexStatement> statements, Finding finding) {
        return statements.stream().filter(statement -> statement.isAbout(finding)).toList();
    }
}
