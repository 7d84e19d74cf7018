package dev.bulwark.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void writesAReportItsPublishedSchemaAccepts() throws IOException {
        JsonNode report = JSON.readTree(ReportWriter.of(ReportFormat.JSON).write(ReportFixture.report()));

        assertThat(schema().validate(report)).extracting(ValidationMessage::toString).isEmpty();
        assertThat(report.path("schemaVersion").asText()).isEqualTo(ScanReport.JSON_SCHEMA_VERSION);
    }

    @Test
    void theSchemaRejectsAnUndocumentedVerdict() throws IOException {
        JsonNode report = JSON.readTree(ReportWriter.of(ReportFormat.JSON).write(ReportFixture.report()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.path("verdict")).put("result", "maybe");

        assertThat(schema().validate(report)).isNotEmpty();
    }

    @Test
    void writesNullsRatherThanLeavingKeysOutWhenThereIsNoPolicyOrDatabase() throws IOException {
        ScanReport bare = new ScanReport("0.1.0", ReportFixture.CREATED, ReportFixture.image(), ReportFixture.report().matches(),
                java.util.List.of(), Optional.empty(), Optional.empty(), Remediation.none(), Optional.empty());

        JsonNode report = JSON.readTree(ReportWriter.of(ReportFormat.JSON).write(bare));

        assertThat(schema().validate(report)).extracting(ValidationMessage::toString).isEmpty();
        assertThat(report.get("verdict").isNull()).isTrue();
        assertThat(report.get("database").isNull()).isTrue();
        assertThat(report.path("summary").get("verdict").isNull()).isTrue();
        assertThat(report.path("matches").findValues("gate")).allMatch(JsonNode::isNull);
    }

    @Test
    void keepsEachSuppressedFindingWithWhatSuppressedItAndWhy() throws IOException {
        JsonNode report = JSON.readTree(ReportWriter.of(ReportFormat.JSON).write(ReportFixture.report()));

        assertThat(report.path("suppressed")).hasSize(2);
        assertThat(report.path("suppressed").findValuesAsText("by")).containsExactly("vex", "exception");
        assertThat(report.path("suppressed").get(1).path("reason").asText()).contains("owner team-checkout");
        assertThat(report.path("suppressed").get(0).path("match").path("id").asText()).isEqualTo("CVE-2021-44906");
    }

    @Test
    void marksTheFindingsTheVerdictRestsOn() throws IOException {
        JsonNode matches = JSON.readTree(ReportWriter.of(ReportFormat.JSON).write(ReportFixture.report())).path("matches");

        assertThat(matches.findValuesAsText("id")).containsExactly("CVE-2021-44228", "CVE-2025-4802", "CVE-2023-5363",
                "CVE-2021-23337", "CVE-2024-0727", "CVE-2023-45853");
        assertThat(matches.get(0).path("gate").asText()).isEqualTo("fail");
        assertThat(matches.get(2).path("gate").asText()).isEqualTo("warn");
        assertThat(matches.get(4).get("gate").isNull()).isTrue();
    }

    @Test
    void documentsEveryFieldOfTheSchema() throws IOException {
        String documentation = Files.readString(DOCS.resolve("report-json.md"));
        Set<String> fields = new TreeSet<>();
        collectPropertyNames(JSON.readTree(DOCS.resolve("report-json.schema.json").toFile()), fields);

        assertThat(fields).isNotEmpty().allSatisfy(field -> assertThat(documentation).contains("`" + field + "`"));
        assertThat(documentation).contains("\"schemaVersion\": \"" + ScanReport.JSON_SCHEMA_VERSION + "\"");
    }

    private static void collectPropertyNames(JsonNode schema, Set<String> names) {
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        schema.forEach(child -> collectPropertyNames(child, names));
    }

    static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(DOCS.resolve("report-json.schema.json")));
    }
}
