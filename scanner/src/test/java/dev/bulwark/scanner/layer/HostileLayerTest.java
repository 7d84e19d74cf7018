package dev.bulwark.scanner.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.inventory.InventoryBuilder;
import dev.bulwark.scanner.model.ScanLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers an attacker could build: each is refused with a clear error or skipped safely, and nothing is written. */
class HostileLayerTest {

    private static final String OS_RELEASE = "ID=debian\nVERSION_ID=\"12\"\n";
    private static final String STATUS = "Package: evil\nStatus: install ok installed\nVersion: 1.0\n\n";

    private static LayerAnalysis walk(byte[] blob) {
        return walk(blob, ScanLimits.DEFAULTS);
    }

    private static LayerAnalysis walk(byte[] blob, ScanLimits limits) {
        return walk(new ByteArrayInputStream(blob), diffIdOf(new ByteArrayInputStream(blob)), limits);
    }

    private static LayerAnalysis walk(InputStream blob, String diffId, ScanLimits limits) {
        return new LayerWalk(Analyzers.all(), limits).walk(diffId, blob);
    }

    /** The digest of the blob's uncompressed content, or a placeholder for a blob too corrupt to have one. */
    static String diffIdOf(InputStream blob) {
        MessageDigest digest = Digests.sha256();
        try (InputStream content = new DigestInputStream(Compression.decompress(blob), digest)) {
            content.transferTo(OutputStream.nullOutputStream());
            return Digests.hex(digest);
        } catch (IOException corrupt) {
            return "sha256:unreadable";
        }
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
        String diffId = diffIdOf(ZeroFilledLayer.gzipped("var/lib/dpkg/status", 1L << 30, "etc/os-release", OS_RELEASE));
        try (InputStream layer = ZeroFilledLayer.gzipped("var/lib/dpkg/status", 1L << 30, "etc/os-release", OS_RELEASE)) {
            LayerAnalysis analysis = walk(layer, diffId, ScanLimits.DEFAULTS);

            assertThat(analysis.failures()).singleElement()
                    .satisfies(failure -> assertThat(failure.reason()).contains("larger than the analysis limit"));
            assertThat(analysis.os()).containsKey("etc/os-release");
        }
    }

    @Test
    void stopsAGzipBombAtTheLayerLimit() throws Exception {
        try (InputStream bomb = ZeroFilledLayer.gzipped("data.bin", 1L << 30, "etc/os-release", OS_RELEASE)) {
            assertThatThrownBy(() -> walk(bomb, "sha256:bomb", ScanLimits.DEFAULTS.withMaxLayerBytes(64L << 20)))
                    .isInstanceOf(LayerException.class)
                    .hasMessageContaining("layer sha256:bomb expands to more than 67108864 bytes")
                    .hasMessageContaining("raise the layer size limit");
        }
    }

    @Test
    void reportsATruncatedTarAsCorrupt() {
        byte[] whole = new TarBuilder().file("var/lib/dpkg/status", STATUS.repeat(200)).tar();
        byte[] truncated = Arrays.copyOf(whole, 1536);

        assertThatThrownBy(() -> walk(truncated))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining("cannot be read; it is corrupt or truncated");
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

        assertThatThrownBy(() -> walk(builder.tar(), ScanLimits.DEFAULTS.withMaxEntries(10)))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    void refusesALayerWhoseContentIsNotTheDiffIdItsConfigNames() {
        byte[] clean = new TarBuilder().file("var/lib/dpkg/status", STATUS.replace("evil", "clean")).gzip();
        byte[] evil = new TarBuilder().file("var/lib/dpkg/status", STATUS).gzip();
        String claimed = diffIdOf(new ByteArrayInputStream(clean));

        assertThatThrownBy(() -> walk(new ByteArrayInputStream(evil), claimed, ScanLimits.DEFAULTS))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining(diffIdOf(new ByteArrayInputStream(evil)))
                .hasMessageContaining("names " + claimed + " as its diffID");
        assertThat(walk(clean).files().get("var/lib/dpkg/status")).extracting(pkg -> pkg.name()).containsExactly("clean");
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
