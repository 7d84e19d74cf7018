package dev.bulwark.policy.vex;

import static dev.bulwark.policy.vex.OpenVexRejectionTest.rejecting;

import org.junit.jupiter.api.Test;

class CycloneDxVexRejectionTest {

    @Test
    void rejectsAnUnknownAnalysisStateNamingTheVulnerability() {
        rejecting("unknown-state.cdx.json", "vulnerabilities[1].analysis.state")
                .hasMessageContaining("unknown analysis state \"not_exploitable\"")
                .hasMessageContaining("use one of resolved, resolved_with_pedigree, exploitable, in_triage,"
                        + " false_positive, not_affected");
    }

    @Test
    void rejectsARefToNoComponentRatherThanWideningTheStatement() {
        rejecting("dangling-ref.cdx.json", "vulnerabilities[0].affects[1].ref")
                .hasMessageContaining("\"deb-libssl1.1\" refers to no component")
                .hasMessageContaining("add a component with \"bom-ref\": \"deb-libssl1.1\"");
    }

    @Test
    void rejectsAVulnerabilityWithoutAnId() {
        rejecting("vulnerability-without-id.cdx.json", "vulnerabilities[1]")
                .hasMessageContaining("has no vulnerability \"id\"");
    }

    @Test
    void rejectsARefToAComponentWithoutAPurl() {
        rejecting("component-without-purl.cdx.json", "components[1]")
                .hasMessageContaining("referred to as \"deb-zlib1g\"")
                .hasMessageContaining("add \"purl\"");
    }
}
