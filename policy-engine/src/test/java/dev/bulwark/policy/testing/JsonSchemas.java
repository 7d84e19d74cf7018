package dev.bulwark.policy.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The JSON schemas of the shared corpora (OpenVEX, CycloneDX, SARIF, …), ready to validate documents against. */
public final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {
    }

    /**
     * The schema in the corpus file (for example {@code schemas/bom-1.6.schema.json}). Schemas refer to each other
     * by {@code $id} (bom-1.6 to spdx and jsf), so every schema beside it is served by its {@code $id} too.
     */
    public static JsonSchema corpusSchema(String relative) {
        Path file = Corpora.corpus(relative);
        Map<String, String> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path schema : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                String text = Files.readString(schema);
                byId.put(JSON.readTree(text).path("$id").asText(schema.toUri().toString()), text);
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaLoaders(loaders -> loaders.schemas(byId)));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return factory.getSchema(SchemaLocation.of(JSON.readTree(file.toFile()).path("$id").asText(file.toUri().toString())),
                    config);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the schemas beside " + file, e);
        }
    }
}
