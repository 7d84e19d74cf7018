package dev.bulwark.policy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.policy.load.PolicyLoadException;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.vex.VexDocuments;
import dev.bulwark.policy.vex.VexFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The policy and VEX readers fed bytes a fuzzer makes: a bad document is a {@link PolicyLoadException} or a
 * {@link VexFormatException} that says what is wrong, never another exception, a hang or an out-of-memory. Without
 * {@code JAZZER_FUZZ} this runs the seeds only; {@code testing/fuzz/run.sh} fuzzes each target for a while.
 */
class PolicyFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void policyYaml(byte[] bytes) throws IOException {
        Path base = Files.createTempDirectory("bulwark-fuzz-policy-");
        try {
            assertThat(new PolicyLoader().parse("fuzzed.yaml", bytes, base)).isNotNull();
        } catch (PolicyLoadException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        } finally {
            Files.delete(base);
        }
    }

    @FuzzTest(maxDuration = "5s")
    void vexDocument(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("bulwark-fuzz-", ".vex.json");
        try {
            Files.write(file, bytes);
            assertThat(VexDocuments.read(file)).isNotNull();
        } catch (VexFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        } finally {
            Files.delete(file);
        }
    }
}
