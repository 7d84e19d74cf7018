package dev.bulwark.scanner.layer;

import static dev.bulwark.scanner.layer.GeneratedLayer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.model.ScanLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Layers far larger than real ones, generated as they are read: a million entries, a 200 MB dpkg status. Each is
 * read to the end within the tests' 512 MB heap, and what it holds is found.
 */
class LargeLayerTest {

    private static final int MILLION = 1_000_000;
    private static final byte[] OS_RELEASE = utf8("ID=debian\nVERSION_ID=\"12\"\n");
    private static final byte[] ONE_PACKAGE = utf8("Package: last\nStatus: install ok installed\nVersion: 1.0\n\n");

    @Test
    void findsThePackagesAtTheEndOfAMillionFileLayer() {
        LayerAnalysis analysis = walk(new GeneratedLayer(entries -> {
            byte[] empty = new byte[0];
            for (int i = 0; i < MILLION; i++) {
                entries.file("usr/share/filler/d" + (i / 1000) + "/f" + i, empty);
            }
            entries.file("etc/os-release", OS_RELEASE);
            entries.file("var/lib/dpkg/status", ONE_PACKAGE);
        }));

        assertThat(analysis.failures()).isEmpty();
        assertThat(analysis.files().get("var/lib/dpkg/status")).extracting(Package::name).containsExactly("last");
        assertThat(analysis.os()).containsKey("etc/os-release");
    }

    @Test
    void listsAHundredOfAMillionUnsafeEntriesAndCountsTheRest() {
        LayerAnalysis analysis = walk(new GeneratedLayer(entries -> {
            byte[] status = utf8("x");
            for (int i = 0; i < MILLION; i++) {
                entries.file("../../../escape/" + i + "/var/lib/dpkg/status", status);
            }
            entries.file("var/lib/dpkg/status", ONE_PACKAGE);
        }));

        assertThat(analysis.failures()).hasSize(101);
        assertThat(analysis.failures().subList(0, 100)).allSatisfy(failure ->
                assertThat(failure.reason()).contains("path climbs above the image root"));
        assertThat(analysis.failures().get(100)).extracting(AnalyzerFailure::reason).asString()
                .contains("999900 more entries of layer", "only the first 100 are listed");
        assertThat(analysis.files().get("var/lib/dpkg/status")).extracting(Package::name).containsExactly("last");
    }

    @Test
    void keepsAMillionSymlinks() {
        LayerAnalysis analysis = walk(new GeneratedLayer(entries -> {
            for (int i = 0; i < MILLION; i++) {
                entries.symlink("usr/lib/links/l" + i, "../target/" + i);
            }
            entries.file("var/lib/dpkg/status", ONE_PACKAGE);
        }));

        assertThat(analysis.symlinks()).hasSize(MILLION).containsEntry("usr/lib/links/l999999", "../target/999999");
        assertThat(analysis.files().get("var/lib/dpkg/status")).extracting(Package::name).containsExactly("last");
    }

    @Test
    void readsEveryPackageOfA200MegabyteDpkgStatus() {
        long size = 200L << 20;
        int stanzaLength = stanza(0).length;
        LayerAnalysis analysis = walk(new GeneratedLayer(entries -> {
            entries.file("etc/os-release", OS_RELEASE);
            entries.file("var/lib/dpkg/status", size, LargeLayerTest::stanza);
        }));

        long stanzas = (size + stanzaLength - 1) / stanzaLength;
        assertThat(analysis.failures()).isEmpty();
        assertThat(analysis.files().get("var/lib/dpkg/status")).hasSize((int) stanzas)
                .first().extracting(Package::name).isEqualTo("pkg000000");
    }

    /** A stanza of about 100 KB, most of it a Description continued over 2,000 lines, as large packages have. */
    private static byte[] stanza(int i) {
        StringBuilder stanza = new StringBuilder(String.format("Package: pkg%06d%nStatus: install ok installed%n"
                + "Version: 1.%06d-1%nArchitecture: amd64%nDescription: generated%n", i, i));
        for (int line = 0; line < 2000; line++) {
            stanza.append(" a line of a long description, fifty bytes each.\n");
        }
        return stanza.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static LayerAnalysis walk(GeneratedLayer layer) {
        return new LayerWalk(Analyzers.all(), ScanLimits.DEFAULTS).walk(layer.diffId(), layer.open());
    }
}
