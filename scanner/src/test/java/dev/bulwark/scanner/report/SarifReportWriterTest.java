package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.bulwark.policy.testing.JsonSchemas;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode sarif;
    private static JsonNode run;

    @BeforeAll
    static void writeTheFixture() throws Exception {
        sarif = JSON.readTree(ReportWriter.of(ReportFormat.SARIF).write(ReportFixture.report()));
        run = sarif.path("runs").get(0);
    }

    @Test
    void writesSarifTheOasisSchemaAccepts() {
        assertThat(JsonSchemas.corpusSchema("schemas/sarif-schema-2.1.0.json").validate(sarif))
                .extracting(ValidationMessage::toString).isEmpty();
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).hasSize(1);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("bulwark");
    }

    @Test
    void theSarifSchemaIsReallyApplied() {
        JsonNode broken = sarif.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("runs").get(0).path("results").get(0)).put("level", "fatal");

        assertThat(JsonSchemas.corpusSchema("schemas/sarif-schema-2.1.0.json").validate(broken)).isNotEmpty();
    }

    @Test
    void declaresOneRulePerVulnerabilityWithASecuritySeverityScore() {
        JsonNode rules = run.path("tool").path("driver").path("rules");
        Set<String> ids = new HashSet<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));

        assertThat(ids).hasSize(rules.size()).contains("CVE-2021-44228", "CVE-2020-36518", "bulwark/deniedPackages");
        JsonNode log4shell = rules.get(0);
        assertThat(log4shell.path("properties").path("security-severity").isTextual()).isTrue();
        assertThat(log4shell.path("properties").path("security-severity").asText()).isEqualTo("10.0");
        assertThat(log4shell.path("helpUri").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        assertThat(rules.get(1).path("properties").path("security-severity").asText())
                .as("a critical finding without CVSS is banded as critical").isEqualTo("9.5");
        run.path("results").forEach(result -> assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText())
                .isEqualTo(result.path("ruleId").asText()));
    }

    @Test
    void setsTheLevelByWhatTheGateDidWithTheFinding() {
        Map<String, String> levels = new HashMap<>();
        run.path("results").forEach(result -> levels.put(result.path("ruleId").asText(), result.path("level").asText()));

        assertThat(levels).containsEntry("CVE-2021-44228", "error").containsEntry("CVE-2025-4802", "error")
                .containsEntry("CVE-2023-5363", "warning").containsEntry("CVE-2024-0727", "note")
                .containsEntry("bulwark/deniedPackages", "error").containsEntry("bulwark/image.runAsRoot", "warning");
    }

    @Test
    void carriesSuppressedFindingsAsExternallySuppressedResults() {
        List<JsonNode> suppressed = new java.util.ArrayList<>();
        run.path("results").forEach(result -> {
            if (result.has("suppressions")) {
                suppressed.add(result);
            }
        });

        assertThat(suppressed).extracting(result -> result.path("ruleId").asText())
                .containsExactly("CVE-2021-44906", "CVE-2020-36518");
        assertThat(suppressed.get(1).path("suppressions").get(0).path("kind").asText()).isEqualTo("external");
        assertThat(suppressed.get(1).path("suppressions").get(0).path("justification").asText())
                .startsWith("exception: ").contains("the gateway rejects JSON nested deeper than 64 levels");
    }

    @Test
    void locatesFindingsByTheirPathInTheImageAsRelativeUris() {
        JsonNode log4shell = run.path("results").get(0);
        String uri = log4shell.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();

        assertThat(uri).isEqualTo("app/checkout.war!/WEB-INF/lib/log4j-core-2.14.1.jar");
        assertThat(URI.create(uri).isAbsolute()).isFalse();
        assertThat(log4shell.path("message").path("text").asText()).contains("Upgrade org.apache.logging.log4j:log4j-core"
                + " from 2.14.1 to 2.15.0.");
    }

    @Test
    void turnsAnyPathIntoAUriReferenceThatKeepsItsMeaning() {
        String uri = ImageUris.of("/opt/my app/c:d/ünï#1?.jar");

        assertThat(uri).isEqualTo("opt/my%20app/c%3Ad/%C3%BCn%C3%AF%231%3F.jar");
        assertThat(URI.create(uri).getPath()).isEqualTo("opt/my app/c:d/ünï#1?.jar");
    }

    @Test
    void reportsFilesNotAnalysedAndTheStaleDatabaseAsToolNotifications() {
        JsonNode notifications = run.path("invocations").get(0).path("toolExecutionNotifications");

        assertThat(notifications.findValuesAsText("text")).anySatisfy(text -> assertThat(text)
                .startsWith("Not analysed: app/checkout.war!/WEB-INF/lib/legacy-tags.jar")).anySatisfy(text ->
                assertThat(text).contains("STALE"));
        assertThat(run.path("properties").path("verdict").path("result").asText()).isEqualTo("fail");
        assertThat(run.path("properties").path("remediation").path("upgrades")).hasSize(2);
    }
}
