package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.bulwark.policy.testing.JsonSchemas;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CycloneDxReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode bom;

    @BeforeAll
    static void writeTheFixture() throws Exception {
        bom = JSON.readTree(ReportWriter.of(ReportFormat.CYCLONEDX).write(ReportFixture.report()));
    }

    @Test
    void writesCycloneDxTheOfficialSchemaAccepts() {
        assertThat(JsonSchemas.corpusSchema("schemas/bom-1.6.schema.json").validate(bom))
                .extracting(ValidationMessage::toString).isEmpty();
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    }

    @Test
    void listsTheInventoryAndAVulnerabilityPerFindingThatAffectsItsComponent() {
        Set<String> refs = new HashSet<>();
        bom.path("components").forEach(component -> refs.add(component.path("bom-ref").asText()));

        assertThat(bom.path("components")).hasSize(8);
        assertThat(bom.path("vulnerabilities")).hasSize(8);
        bom.path("vulnerabilities").forEach(vulnerability ->
                assertThat(refs).contains(vulnerability.path("affects").get(0).path("ref").asText()));
        JsonNode log4shell = bom.path("vulnerabilities").get(0);
        assertThat(log4shell.path("id").asText()).isEqualTo("CVE-2021-44228");
        assertThat(log4shell.path("ratings").get(0).path("severity").asText()).isEqualTo("critical");
        assertThat(log4shell.path("ratings").get(0).path("score").asDouble()).isEqualTo(10.0);
        assertThat(log4shell.path("ratings").get(0).path("method").asText()).isEqualTo("CVSSv3");
        assertThat(log4shell.path("recommendation").asText()).isEqualTo("Upgrade org.apache.logging.log4j:log4j-core from 2.14.1 to 2.15.0.");
        assertThat(log4shell.has("analysis")).isFalse();
    }

    @Test
    void saysWhySuppressedFindingsDoNotCount() {
        JsonNode vex = bom.path("vulnerabilities").get(6).path("analysis");
        JsonNode exception = bom.path("vulnerabilities").get(7).path("analysis");

        assertThat(vex.path("state").asText()).isEqualTo("not_affected");
        assertThat(vex.path("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(vex.path("detail").asText()).contains("vex/checkout.openvex.json");
        assertThat(exception.has("state")).as("an accepted risk claims nothing about exploitability").isFalse();
        assertThat(exception.path("response").get(0).asText()).isEqualTo("will_not_fix");
        assertThat(exception.path("detail").asText()).startsWith("suppressed by exception: CVE-2020-36518");
    }

    @Test
    void recordsTheVerdictAndRemediationInTheMetadata() {
        Set<String> names = new HashSet<>();
        bom.path("metadata").path("properties").forEach(property -> names.add(property.path("name").asText()));

        assertThat(names).contains("bulwark:verdict", "bulwark:verdict:reason", "bulwark:expired-exception",
                "bulwark:database", "bulwark:remediation");
    }
}
