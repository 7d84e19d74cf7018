package dev.bulwark.scanner.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The OSV record reader fed documents a fuzzer makes (any JSON that parses): a record matching cannot rely on is an
 * {@link OsvFormatException} naming the record and the field, never another exception, a hang or an out-of-memory.
 */
class OsvRecordFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "5s")
    void osvRecord(byte[] bytes) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException notJson) {
            return; // not JSON at all: the JSON parser's business, and the fuzzer learns the shape from the seeds
        }
        if (node == null) {
            return;
        }
        try {
            OsvRecord record = OsvParser.parse(node, "fuzzed.json", "fuzz");
            assertThat(record.id()).isNotNull();
        } catch (OsvFormatException refused) {
            assertThat(refused.getMessage()).contains("fuzzed.json");
        }
    }
}
