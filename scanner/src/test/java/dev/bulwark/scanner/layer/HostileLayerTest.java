package dev.bulwark.scanner.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.inventory.InventoryBuilder;
import dev.bulwark.scanner.model.ScanLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers an attacker could build: each is refused with a clear error or skipped safely, and nothing is written. */
class HostileLayerTest {

    private static final String OS_RELEASE = "ID=debian\nVERSION_ID=\"12\"\n";
    private static final String STATUS = "Package: evil\nStatus: install ok installed\nVersion: 1.0\n\n";

    private static LayerAnalysis walk(byte[] blob) {
        return walk(new ByteArrayInputStream(blob), ScanLimits.DEFAULTS);
    }

    private static LayerAnalysis walk(InputStream blob, ScanLimits limits) {
        return new LayerWalk(Analyzers.all(), limits).walk("sha256:test", blob);
    }

    @Test
    void skipsAnEntryThatClimbsOutOfTheRootAndWritesNothing() {
        Path target = Path.of("/tmp/bulwark-traversal-probe");
        byte[] layer = new TarBuilder().file("../../../../tmp/bulwark-traversal-probe", STATUS)
                .file("etc/os-release", OS_RELEASE).gzip();

        LayerAnalysis analysis = walk(layer);

        assertThat(analysis.failures()).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("climbs above the image root"));
        assertThat(analysis.os()).containsKey("etc/os-release");
        assertThat(target).doesNotExist();
    }

    @Test
    void resolvesAnAbsoluteSymlinkInsideTheImageNeverOnTheHost() {
        byte[] layer = new TarBuilder().symlink("etc/os-release", "/../../../../usr/lib/os-release")
                .file("usr/lib/os-release", OS_RELEASE).gzip();

        Inventory inventory = InventoryBuilder.build(List.of(walk(layer)));

        assertThat(inventory.os()).hasValueSatisfying(os -> assertThat(os.id()).isEqualTo("debian"));
        assertThat(ImagePaths.resolveLinkTarget("etc/os-release", "/../../../etc/shadow")).isEqualTo("etc/shadow");
    }

    @Test
    void endsASymlinkLoopWithoutFindingAnything() {
        byte[] layer = new TarBuilder().symlink("etc/os-release", "a").symlink("etc/a", "b").symlink("etc/b", "a").gzip();

        Inventory inventory = InventoryBuilder.build(List.of(walk(layer)));

        assertThat(inventory.os()).isEmpty();
    }

    @Test
    void skipsAHardLinkToOutsideTheRoot() {
        byte[] layer = new TarBuilder().hardlink("var/lib/dpkg/status", "../../../../etc/passwd").gzip();

        LayerAnalysis analysis = walk(layer);

        assertThat(analysis.files()).isEmpty();
        assertThat(analysis.failures()).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("hard link to ../../../../etc/passwd, outside the image root"));
    }

    @Test
    void analysesAHardLinkToAFileOfTheSameLayer() {
        byte[] layer = new TarBuilder().file("var/lib/dpkg/status-old", STATUS).file("var/lib/dpkg/status", STATUS).gzip();

        assertThat(walk(layer).files().get("var/lib/dpkg/status")).hasSize(1);
    }

    @Test
    void skipsAGigabyteZeroFilledFileButReadsTheEntriesAfterIt() throws Exception {
        try (InputStream layer = ZeroFilledLayer.gzipped("var/lib/dpkg/status", 1L << 30, "etc/os-release", OS_RELEASE)) {
            LayerAnalysis analysis = walk(layer, ScanLimits.DEFAULTS);

            assertThat(analysis.failures()).singleElement()
                    .satisfies(failure -> assertThat(failure.reason()).contains("larger than the analysis limit"));
            assertThat(analysis.os()).containsKey("etc/os-release");
        }
    }

    @Test
    void stopsAGzipBombAtTheLayerLimit() throws Exception {
        try (InputStream bomb = ZeroFilledLayer.gzipped("data.bin", 1L << 30, "etc/os-release", OS_RELEASE)) {
            assertThatThrownBy(() -> walk(bomb, ScanLimits.DEFAULTS.withMaxLayerBytes(64L << 20)))
                    .isInstanceOf(LayerException.class)
                    .hasMessageContaining("layer sha256:test expands to more than 67108864 bytes")
                    .hasMessageContaining("--max-layer-bytes");
        }
    }

    @Test
    void reportsATruncatedTarAsCorrupt() {
        byte[] whole = new TarBuilder().file("var/lib/dpkg/status", STATUS.repeat(200)).tar();
        byte[] truncated = Arrays.copyOf(whole, 1536);

        assertThatThrownBy(() -> walk(truncated))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining("layer sha256:test cannot be read; it is corrupt or truncated");
    }

    @Test
    void reportsCorruptGzipAsCorrupt() {
        byte[] gzip = new TarBuilder().file("var/lib/dpkg/status", STATUS).gzip();
        for (int i = 20; i < gzip.length - 8; i++) {
            gzip[i] ^= 0x5a;
        }

        assertThatThrownBy(() -> walk(gzip))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining("corrupt or truncated");
    }

    @Test
    void refusesALayerWithMoreEntriesThanTheLimit() {
        TarBuilder builder = new TarBuilder();
        for (int i = 0; i < 20; i++) {
            builder.file("f" + i, "x");
        }

        assertThatThrownBy(() -> walk(new ByteArrayInputStream(builder.tar()), ScanLimits.DEFAULTS.withMaxEntries(10)))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    void neverCreatesFilesWhileWalking() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var files = Files.list(tmp)) {
            before = files.count();
        }
        walk(new TarBuilder().file("../../x", STATUS).symlink("etc/passwd", "/etc/shadow").file("var/lib/dpkg/status", STATUS).gzip());
        try (var files = Files.list(tmp)) {
            assertThat(files.count()).isEqualTo(before);
        }
    }
}
