package dev.bulwark.scanner.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.layer.LayerException;
import dev.bulwark.scanner.layer.LayerWalk;
import dev.bulwark.scanner.model.ScanLimits;
import java.io.ByteArrayInputStream;

/**
 * The layer walk (gzip, zstd or plain tar, then every analyzer) fed blobs a fuzzer makes: a corrupt, truncated or
 * oversized layer is a {@link LayerException}, never another exception, a hang, an out-of-memory or a file written.
 * The diff ID is one no blob has, so every walk that reaches the end is refused for its content, as it should be.
 */
class LayerWalkFuzzTest {

    private static final ScanLimits SMALL = new ScanLimits(64L << 20, 10_000, 8L << 20, 4096, 8);

    @FuzzTest(maxDuration = "5s")
    void layerBlob(byte[] bytes) {
        try {
            new LayerWalk(Analyzers.all(), SMALL).walk("sha256:" + "0".repeat(64), new ByteArrayInputStream(bytes));
        } catch (LayerException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
