package dev.bulwark.policy.vex;

import static dev.bulwark.policy.vex.VexFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.JsonSchema;
import dev.bulwark.policy.testing.JsonSchemas;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** The happy fixtures follow the published schemas, so the reader is tested on documents real tools accept. */
class VexFixturesSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> SCHEMA_VALID = VexFixtures.SCHEMA_VALID;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCHEMA_VALID")
    void followsItsPublishedSchema(String name) throws IOException {
        java.util.Set<ValidationMessage> errors = schemaFor(name).validate(JSON.readTree(fixture(name).toFile()));

        assertThat(errors).as(name).extracting(ValidationMessage::toString).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sad/unknown-status.openvex.json, openvex/, /statements/1/status",
            "sad/unknown-state.cdx.json, cyclonedx/, /vulnerabilities/1/analysis/state"})
    void theSchemaCheckCatchesAValueTheSpecificationDoesNotKnow(String sad, String format, String pointer) throws IOException {
        JsonNode document = JSON.readTree(fixture(sad).toFile());

        assertThat(schemaFor(format).validate(document)).extracting(ValidationMessage::toString)
                .anyMatch(error -> error.contains(pointer));
    }

    private static JsonSchema schemaFor(String name) {
        return JsonSchemas.corpusSchema(name.startsWith("openvex/") ? "schemas/openvex_json_schema.json"
                : "schemas/bom-1.6.schema.json");
    }
}
