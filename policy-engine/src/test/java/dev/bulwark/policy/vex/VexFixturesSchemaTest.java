package dev.bulwark.policy.vex;

import static dev.bulwark.policy.vex.VexFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bulwark.policy.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
        List<Error> errors = schemaFor(name).validate(JSON.readTree(fixture(name).toFile()));

        assertThat(errors).as(name).extracting(Error::toString).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sad/unknown-status.openvex.json, openvex/, /statements/1/status",
            "sad/unknown-state.cdx.json, cyclonedx/, /vulnerabilities/1/analysis/state"})
    void theSchemaCheckCatchesAValueTheSpecificationDoesNotKnow(String sad, String format, String pointer) throws IOException {
        JsonNode document = JSON.readTree(fixture(sad).toFile());

        assertThat(schemaFor(format).validate(document)).extracting(Error::toString)
                .anyMatch(error -> error.contains(pointer));
    }

    private static Schema schemaFor(String name) throws IOException {
        Path file = Corpora.corpus(name.startsWith("openvex/") ? "schemas/openvex_json_schema.json"
                : "schemas/bom-1.6.schema.json");
        // The schemas refer to each other by $id (bom-1.6 to spdx and jsf): serve every one from the corpus, by its $id.
        Map<String, String> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path schema : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                String text = Files.readString(schema);
                byId.put(JSON.readTree(text).path("$id").asText(schema.toUri().toString()), text);
            }
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(byId));
        return registry.getSchema(SchemaLocation.of(JSON.readTree(file.toFile()).path("$id").asText()));
    }
}
