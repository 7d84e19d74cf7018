package dev.bulwark.policy.vex;

import static dev.bulwark.policy.vex.VexFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class OpenVexRejectionTest {

    @Test
    void rejectsAnUnknownStatusNamingTheStatement() {
        rejecting("unknown-status.openvex.json", "statements[1].status")
                .hasMessageContaining("unknown status \"unaffected\"")
                .hasMessageContaining("use one of not_affected, affected, fixed, under_investigation");
    }

    @Test
    void rejectsNotAffectedWithoutAJustificationOrImpactStatement() {
        rejecting("not-affected-without-justification.openvex.json", "statements[0]")
                .hasMessageContaining("not_affected without saying why")
                .hasMessageContaining("\"justification\" (component_not_present,")
                .hasMessageContaining("or an \"impact_statement\"");
    }

    @Test
    void rejectsAStatementWithoutAVulnerability() {
        rejecting("statement-without-vulnerability.openvex.json", "statements[2]")
                .hasMessageContaining("has no vulnerability")
                .hasMessageContaining("\"vulnerability\": {\"name\": \"CVE-…\"");
    }

    @Test
    void rejectsAJustificationFromAnotherFormatListingTheOpenVexOnes() {
        rejecting("unknown-justification.openvex.json", "statements[0].justification")
                .hasMessageContaining("unknown justification \"code_not_reachable\"")
                .hasMessageContaining("vulnerable_code_not_in_execute_path");
    }

    @Test
    void rejectsASubcomponentWithoutAPackagePurlRatherThanWideningTheStatement() {
        rejecting("subcomponent-without-purl.openvex.json", "statements[0].products[0].subcomponents[1]")
                .hasMessageContaining("names no package")
                .hasMessageContaining("\"identifiers\": {\"purl\"");
    }

    @Test
    void rejectsAProductIdThatStartsLikeAPurlButIsNotOne() {
        rejecting("invalid-purl.openvex.json", "statements[0].products[0].@id")
                .hasMessageContaining("pkg:log4j-core@2.14.1")
                .hasMessageContaining("pkg:TYPE/NAME@VERSION");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String sadFixture, String location) {
        return assertThatThrownBy(() -> VexDocuments.read(fixture("sad/" + sadFixture)))
                .isInstanceOfSatisfying(VexFormatException.class, error -> assertThat(error.location()).isEqualTo(location))
                .hasMessageStartingWith(fixture("sad/" + sadFixture) + (location.isEmpty() ? ": " : " at " + location + ": "));
    }
}
