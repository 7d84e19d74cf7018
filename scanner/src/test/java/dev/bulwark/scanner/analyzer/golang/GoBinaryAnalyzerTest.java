package dev.bulwark.scanner.analyzer.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoBinaryAnalyzerTest {

    private static final String AMD64 = "hello-linux-amd64";
    private static final String MIPS = "hello-linux-mips";

    private final GoBinaryAnalyzer analyzer = new GoBinaryAnalyzer();

    @Test
    void readsTheModulesAGoBinaryWasBuiltWith() {
        List<Package> packages = found(analyze(fixture(AMD64)));

        assertThat(packages).extracting(Package::name, Package::version).contains(
                tuple("github.com/google/uuid", "v1.3.0"));
        Package uuid = packages.stream().filter(p -> p.name().equals("github.com/google/uuid")).findFirst().orElseThrow();
        assertThat(uuid.ecosystem()).isEqualTo(Ecosystem.GOLANG);
        assertThat(uuid.purl().toString()).isEqualTo("pkg:golang/github.com/google/uuid@v1.3.0");
        assertThat(uuid.path()).isEqualTo("/usr/local/bin/hello");
    }

    @Test
    void leavesOutAMainModuleWithoutAVersion() {
        assertThat(found(analyze(fixture(AMD64)))).extracting(Package::name).doesNotContain("example.com/bulwark/hello");
    }

    @Test
    void reportsTheGoStandardLibraryVersion() {
        Package stdlib = found(analyze(fixture(AMD64))).stream().filter(p -> p.name().equals("stdlib")).findFirst().orElseThrow();

        assertThat(stdlib.version()).isEqualTo("v1.19.8");
        assertThat(stdlib.purl().toString()).isEqualTo("pkg:golang/stdlib@v1.19.8");
    }

    @Test
    void appliesReplaceDirectives() {
        List<Package> packages = found(analyze(fixture(AMD64)));

        assertThat(packages).extracting(Package::name, Package::version).contains(tuple("github.com/bulwark-fixtures/errors", "v0.9.2"));
        assertThat(packages).extracting(Package::name).doesNotContain("github.com/pkg/errors");
    }

    @Test
    void readsA32BitBigEndianGoBinary() {
        assertThat(found(analyze(fixture(MIPS)))).extracting(Package::name, Package::version).containsExactly(
                tuple("stdlib", "v1.19.8"),
                tuple("github.com/google/uuid", "v1.3.0"),
                tuple("github.com/bulwark-fixtures/errors", "v0.9.2"));
    }

    @Test
    void findsBuildInfoWithoutASectionTable() {
        byte[] binary = fixture(AMD64);
        ByteBuffer header = ByteBuffer.wrap(binary).order(ByteOrder.LITTLE_ENDIAN);
        long sectionTable = header.getLong(40);
        int sections = header.getShort(60) * header.getShort(58);
        Arrays.fill(binary, (int) sectionTable, (int) sectionTable + sections, (byte) 0);
        header.putLong(40, 0).putShort(58, (short) 0).putShort(60, (short) 0).putShort(62, (short) 0);

        assertThat(found(analyze(binary))).isEqualTo(found(analyze(fixture(AMD64))));
    }

    @Test
    void readsTheOlderPointerBasedBuildInfo() {
        String modules = "path\texample.com/old\nmod\texample.com/old\tv0.1.0\t\ndep\tgithub.com/google/uuid\tv1.1.2\th1:x=\n";
        byte[] framed = SyntheticElf.framed(modules);
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            for (boolean wide : List.of(true, false)) {
                byte[] elf = SyntheticElf.withDataSegment(wide, order, SyntheticElf.pointerBuildInfo(wide, order, "go1.16.15", framed));

                assertThat(found(analyze(elf))).as("%s-bit %s", wide ? 64 : 32, order)
                        .extracting(p -> p.purl().toString()).containsExactly(
                                "pkg:golang/stdlib@v1.16.15", "pkg:golang/example.com/old@v0.1.0", "pkg:golang/github.com/google/uuid@v1.1.2");
            }
        }
    }

    @Test
    void ignoresAnElfThatIsNotGo() {
        Path systemBinary = Path.of("/usr/bin/true");
        assumeThat(systemBinary).as("a non-Go system binary").isRegularFile();

        assertThat(analyze(read(systemBinary))).isInstanceOf(AnalyzerOutcome.NotApplicable.class);
    }

    @Test
    void ignoresAnElfWithoutSectionsOrGoBuildInfo() {
        byte[] elf = SyntheticElf.withDataSegment(true, ByteOrder.LITTLE_ENDIAN, new byte[4096]);

        assertThat(analyze(elf)).isEqualTo(new AnalyzerOutcome.NotApplicable("an ELF file without Go build info"));
    }

    @Test
    void ignoresAFileThatIsNotElf() {
        byte[] script = ("#!/bin/sh\n" + "echo hello\n".repeat(200)).getBytes(StandardCharsets.UTF_8);

        assertThat(analyze(script)).isEqualTo(new AnalyzerOutcome.NotApplicable("not an ELF file"));
    }

    @Test
    void reportsATruncatedBinary() {
        byte[] binary = fixture(AMD64);
        int buildInfo = indexOf(binary, BuildInfoReader.MAGIC);

        AnalyzerOutcome cutInBuildInfo = analyze(Arrays.copyOf(binary, buildInfo + 40));
        AnalyzerOutcome cutInHalf = analyze(Arrays.copyOf(binary, binary.length / 2));

        assertThat(List.of(cutInBuildInfo, cutInHalf)).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(AnalyzerOutcome.Failed.class, failed -> {
                    assertThat(failed.analyzer()).isEqualTo("go-binary");
                    assertThat(failed.path()).isEqualTo("usr/local/bin/hello");
                    assertThat(failed.reason()).contains("runs past the end of the").contains("truncated");
                }));
    }

    @Test
    void reportsBuildInfoWhoseStringsRunPastTheirSection() {
        byte[] binary = fixture(AMD64);
        int lengthOfVersion = indexOf(binary, BuildInfoReader.MAGIC) + 32;
        binary[lengthOfVersion] = (byte) 0xff;
        binary[lengthOfVersion + 1] = 0x7f; // a varint of 16383

        assertThat(analyze(binary)).isInstanceOfSatisfying(AnalyzerOutcome.Failed.class, failed ->
                assertThat(failed.reason()).startsWith("Go build info Go version claims 16383 bytes but only")
                        .endsWith("remain: the binary is truncated or corrupt"));
    }

    @Test
    void wantsFilesWhereExecutablesLive() {
        assertThat(List.of("usr/local/bin/hello", "bin/kubectl", "usr/sbin/coredns", "opt/tool/bin/tool.real", "manager",
                "app/server", "ko-app/controller", "usr/local/go/pkg/tool/linux_amd64/compile", "root/go/bin/dlv"))
                .allMatch(path -> analyzer.wants(path, 5_000_000));
    }

    @Test
    void skipsFilesThatCannotBeGoBinaries() {
        assertThat(analyzer.wants("usr/local/bin/hello", 100)).as("smaller than any Go binary").isFalse();
        assertThat(analyzer.wants("usr/local/bin/hello", 1L << 40)).as("over the file limit").isFalse();
        assertThat(List.of("etc/passwd", "usr/share/doc/README", "opt/app/config.yaml", "app/main.js", "index.html",
                "var/lib/dpkg/status")).noneMatch(path -> analyzer.wants(path, 5_000_000));
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(GoBinaryAnalyzer.class);
    }

    private AnalyzerOutcome analyze(byte[] content) {
        return analyzer.analyze(new AnalyzerInput("usr/local/bin/hello", content));
    }

    private static List<Package> found(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalyzerOutcome.Found.class);
        return ((AnalyzerOutcome.Found) outcome).packages();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("the fixture has no Go build info magic");
    }

    private static byte[] fixture(String name) {
        try (InputStream in = GoBinaryAnalyzerTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
