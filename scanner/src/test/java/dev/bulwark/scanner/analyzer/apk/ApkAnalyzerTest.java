package dev.bulwark.scanner.analyzer.apk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerFixtures;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApkAnalyzerTest {

    private static final String INSTALLED = "lib/apk/db/installed";

    private final ApkAnalyzer analyzer = new ApkAnalyzer();

    @Test
    void readsEveryPackageOfTheInstalledDatabase() {
        List<Package> packages = found(analyzer.analyze(fixture("happy/installed", INSTALLED)));

        assertThat(packages).extracting(Package::ecosystem, Package::name, Package::version, p -> p.purl().toString())
                .containsExactly(
                        tuple(Ecosystem.APK, "musl", "1.2.5-r0", "pkg:apk/musl@1.2.5-r0?arch=x86_64"),
                        tuple(Ecosystem.APK, "busybox", "1.36.1-r29", "pkg:apk/busybox@1.36.1-r29?arch=x86_64"),
                        tuple(Ecosystem.APK, "busybox-binsh", "1.36.1-r29", "pkg:apk/busybox-binsh@1.36.1-r29?arch=x86_64"),
                        tuple(Ecosystem.APK, "libcrypto3", "3.3.2-r0", "pkg:apk/libcrypto3@3.3.2-r0?arch=x86_64"),
                        tuple(Ecosystem.APK, "libssl3", "3.3.2-r0", "pkg:apk/libssl3@3.3.2-r0?arch=x86_64"),
                        tuple(Ecosystem.APK, "ca-certificates-bundle", "20240705-r0", "pkg:apk/ca-certificates-bundle@20240705-r0?arch=x86_64"),
                        tuple(Ecosystem.APK, "zlib", "1.3.1-r1", "pkg:apk/zlib@1.3.1-r1?arch=x86_64"));
        assertThat(packages).allSatisfy(pkg -> assertThat(pkg.path()).isEqualTo("/lib/apk/db/installed"));
    }

    @Test
    void readsTheSourcePackageFromTheOriginLine() {
        List<Package> packages = found(analyzer.analyze(fixture("happy/installed", INSTALLED)));

        assertThat(packages).extracting(Package::name, Package::sourceName, Package::sourceVersion).containsExactly(
                tuple("musl", "musl", "1.2.5-r0"),
                tuple("busybox", "busybox", "1.36.1-r29"),
                tuple("busybox-binsh", "busybox", "1.36.1-r29"),
                tuple("libcrypto3", "openssl", "3.3.2-r0"),
                tuple("libssl3", "openssl", "3.3.2-r0"),
                tuple("ca-certificates-bundle", "ca-certificates", "20240705-r0"),
                tuple("zlib", "zlib", "1.3.1-r1"));
    }

    @Test
    void takesThePackageItselfAsSourceWithoutAnOriginLine() {
        String record = "P:alpine-keys\nV:2.4-r1\nA:x86_64\nT:Public keys for Alpine Linux packages\nF:etc\n";

        Package pkg = found(analyzer.analyze(new AnalyzerInput(INSTALLED, record.getBytes(StandardCharsets.UTF_8)))).get(0);

        assertThat(pkg.sourceName()).isEqualTo("alpine-keys");
        assertThat(pkg.sourceVersion()).isEqualTo("2.4-r1");
    }

    @Test
    void readsThePackageLinesNotTheProvidesOrFileLines() {
        Package busyboxBinsh = found(analyzer.analyze(fixture("happy/installed", INSTALLED))).get(2);

        assertThat(busyboxBinsh.name()).as("p: (provides) is not P: (name)").isEqualTo("busybox-binsh");
        assertThat(busyboxBinsh.purl().qualifiers()).containsOnlyKeys("arch").containsEntry("arch", "x86_64");
    }

    @Test
    void keepsThePackagesOfADatabaseCutShortInAFileList() {
        List<Package> packages = found(analyzer.analyze(fixture("sad/installed-cut-in-a-file-list", INSTALLED)));

        assertThat(packages).hasSize(7).last().satisfies(zlib -> {
            assertThat(zlib.name()).isEqualTo("zlib");
            assertThat(zlib.version()).isEqualTo("1.3.1-r1");
        });
    }

    @Test
    void findsNoPackagesInAnEmptyDatabase() {
        assertThat(analyzer.analyze(new AnalyzerInput(INSTALLED, new byte[0]))).isEqualTo(AnalyzerOutcome.Found.packages(List.of()));
    }

    @Test
    void reportsADatabaseCutShortBeforeARecordsVersion() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("sad/truncated-installed", INSTALLED));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("apk", INSTALLED, "package zlib has no V: (version) line, or an empty one"));
    }

    @Test
    void reportsARecordWithAnEmptyVersion() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("sad/installed-with-empty-version", INSTALLED));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("apk", INSTALLED, "package zlib has no V: (version) line, or an empty one"));
    }

    @Test
    void reportsARecordWithAnEmptyName() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("sad/installed-with-empty-name", INSTALLED));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("apk", INSTALLED, "a record has no P: (name) line, or an empty one"));
    }

    @Test
    void wantsTheInstalledDatabaseOnly() {
        assertThat(analyzer.wants(INSTALLED, 200_000)).isTrue();
        assertThat(List.of("lib/apk/db/installed.new", "lib/apk/db/triggers", "lib/apk/db/scripts.tar", "etc/apk/world",
                "usr/lib/apk/db/installed", "home/me/lib/apk/db/installed"))
                .noneMatch(path -> analyzer.wants(path, 200_000));
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(ApkAnalyzer.class);
    }

    private static List<Package> found(AnalyzerOutcome outcome) {
        return AnalyzerFixtures.packagesOnly(outcome);
    }

    private static AnalyzerInput fixture(String resource, String imagePath) {
        return AnalyzerFixtures.fixture(ApkAnalyzerTest.class, resource, imagePath);
    }
}
