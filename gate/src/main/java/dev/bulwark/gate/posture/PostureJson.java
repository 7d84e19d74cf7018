package dev.bulwark.gate.posture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.store.posture.PostureStoreException;
import java.util.List;

/** The JSON the posture store keeps an image's inventory, facts and findings in. */
final class PostureJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("purl-as-text")
                    .addSerializer(Purl.class, ToStringSerializer.instance)
                    .addDeserializer(Purl.class, new FromStringDeserializer<>(Purl.class) {
                        private static final long serialVersionUID = 1L;

                        @Override
                        protected Purl _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext context) {
                            return Purl.parse(value);
                        }
                    }))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() { };

    private PostureJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** The value as indented JSON, for people and tools alike. */
    static String pretty(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    static Inventory inventory(String json, String digest) {
        return read(json, Inventory.class, "the inventory of " + digest);
    }

    static StoredImage image(String json, String digest) {
        return read(json, StoredImage.class, "the facts of " + digest);
    }

    static List<StoredFinding> findings(String json, String where) {
        try {
            return JSON.readValue(json, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new PostureStoreException("the posture store holds unreadable findings for " + where + ": " + e.getOriginalMessage()
                    + "; gate the image again to store them anew", e);
        }
    }

    private static <T> T read(String json, Class<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new PostureStoreException("the posture store holds unreadable JSON for " + what + ": " + e.getOriginalMessage()
                    + "; gate the image again to store it anew", e);
        }
    }
}
