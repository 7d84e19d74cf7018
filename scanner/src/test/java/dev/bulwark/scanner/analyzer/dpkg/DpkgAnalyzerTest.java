package dev.bulwark.scanner.analyzer.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerFixtures;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpkgAnalyzerTest {

    private static final String STATUS = "var/lib/dpkg/status";

    private final DpkgAnalyzer analyzer = new DpkgAnalyzer();

    @Test
    void readsEveryInstalledPackageOfTheStatusFile() {
        List<Package> packages = found(analyzer.analyze(fixture("happy/status", STATUS)));

        assertThat(packages).extracting(Package::ecosystem, Package::name, Package::version, p -> p.purl().toString())
                .containsExactly(
                        tuple(Ecosystem.DEB, "base-files", "12.4+deb12u6", "pkg:deb/base-files@12.4%2Bdeb12u6?arch=amd64"),
                        tuple(Ecosystem.DEB, "libc6", "2.36-9+deb12u7", "pkg:deb/libc6@2.36-9%2Bdeb12u7?arch=amd64"),
                        tuple(Ecosystem.DEB, "libc6", "2.36-9+deb12u7", "pkg:deb/libc6@2.36-9%2Bdeb12u7?arch=i386"),
                        tuple(Ecosystem.DEB, "libgcc-s1", "12.2.0-14", "pkg:deb/libgcc-s1@12.2.0-14?arch=amd64"),
                        tuple(Ecosystem.DEB, "libgdbm6", "1.23-3+b1", "pkg:deb/libgdbm6@1.23-3%2Bb1?arch=amd64"),
                        tuple(Ecosystem.DEB, "zlib1g", "1:1.2.13.dfsg-1", "pkg:deb/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64"),
                        tuple(Ecosystem.DEB, "tzdata", "2024a-0+deb12u1", "pkg:deb/tzdata@2024a-0%2Bdeb12u1?arch=all"),
                        tuple(Ecosystem.DEB, "vim-tiny", "2:9.0.1378-2", "pkg:deb/vim-tiny@2%3A9.0.1378-2?arch=amd64"));
        assertThat(packages).allSatisfy(pkg -> {
            assertThat(pkg.path()).isEqualTo("/var/lib/dpkg/status");
            assertThat(pkg.layer()).isEmpty();
        });
    }

    @Test
    void readsSourcePackageAndVersionFromTheSourceField() {
        List<Package> packages = found(analyzer.analyze(fixture("happy/status", STATUS)));

        assertThat(packages).extracting(Package::name, Package::version, Package::sourceName, Package::sourceVersion)
                .containsExactly(
                        tuple("base-files", "12.4+deb12u6", "base-files", "12.4+deb12u6"),
                        tuple("libc6", "2.36-9+deb12u7", "glibc", "2.36-9+deb12u7"),
                        tuple("libc6", "2.36-9+deb12u7", "glibc", "2.36-9+deb12u7"),
                        tuple("libgcc-s1", "12.2.0-14", "gcc-12", "12.2.0-14"),
                        tuple("libgdbm6", "1.23-3+b1", "gdbm", "1.23-3"),
                        tuple("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"),
                        tuple("tzdata", "2024a-0+deb12u1", "tzdata", "2024a-0+deb12u1"),
                        tuple("vim-tiny", "2:9.0.1378-2", "vim", "2:9.0.1378-2"));
    }

    @Test
    void keepsBothArchitecturesOfAMultiArchPackage() {
        List<Package> libc6 = found(analyzer.analyze(fixture("happy/status", STATUS))).stream()
                .filter(pkg -> pkg.name().equals("libc6")).toList();

        assertThat(libc6).extracting(pkg -> pkg.purl().qualifiers().get("arch")).containsExactly("amd64", "i386");
    }

    @Test
    void leavesOutPackagesWhoseFilesAreGone() {
        List<Package> packages = found(analyzer.analyze(fixture("happy/status", STATUS)));

        assertThat(packages).extracting(Package::name)
                .as("exim4-config is deinstall ok config-files and nano purge ok not-installed")
                .doesNotContain("exim4-config", "nano")
                .as("vim-tiny is selected for removal (deinstall ok installed) but still on disk")
                .contains("vim-tiny");
    }

    @Test
    void readsAStanzaOfADistrolessStatusDirectory() {
        String path = "var/lib/dpkg/status.d/libssl3";

        Package libssl3 = found(analyzer.analyze(fixture("happy/status.d/libssl3", path))).get(0);

        assertThat(libssl3.name()).isEqualTo("libssl3");
        assertThat(libssl3.version()).isEqualTo("3.0.15-1~deb12u1");
        assertThat(libssl3.sourceName()).isEqualTo("openssl");
        assertThat(libssl3.sourceVersion()).isEqualTo("3.0.15-1~deb12u1");
        assertThat(libssl3.purl()).hasToString("pkg:deb/libssl3@3.0.15-1~deb12u1?arch=amd64");
        assertThat(libssl3.path()).isEqualTo("/var/lib/dpkg/status.d/libssl3");
    }

    @Test
    void readsAStatusFileWithWindowsLineEndings() {
        String crlf = text(fixture("happy/status", STATUS)).replace("\n", "\r\n");

        List<Package> packages = found(analyzer.analyze(new AnalyzerInput(STATUS, crlf.getBytes(StandardCharsets.UTF_8))));

        assertThat(packages).extracting(Package::name, Package::version, Package::sourceName, Package::sourceVersion)
                .contains(tuple("libgdbm6", "1.23-3+b1", "gdbm", "1.23-3"));
        assertThat(packages).hasSize(8);
    }

    @Test
    void findsNoPackagesInAnEmptyStatusFile() {
        assertThat(analyzer.analyze(new AnalyzerInput(STATUS, new byte[0]))).isEqualTo(AnalyzerOutcome.Found.packages(List.of()));
    }

    @Test
    void reportsAStatusFileCutShortInsideAnInstalledPackage() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("sad/truncated-status", STATUS));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("dpkg", STATUS, "package libc6 has no Version field, or an empty one"));
    }

    @Test
    void reportsAnInstalledPackageWithAnEmptyVersion() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("sad/status-with-empty-version-field", STATUS));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("dpkg", STATUS, "package zlib1g has no Version field, or an empty one"));
    }

    @Test
    void reportsAStanzaWithAnEmptyPackageField() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("sad/status-with-empty-package-field", STATUS));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("dpkg", STATUS, "a stanza has an empty Package field"));
    }

    @Test
    void readsAFieldContinuedForMillionsOfLinesInLinearTime() {
        byte[] status = ("Package: long\nStatus: install ok installed\nVersion: 1.0\nSource: long\n" + " x\n".repeat(5_000_000)
                + "\nPackage: after\nStatus: install ok installed\nVersion: 2.0\n\n").getBytes(StandardCharsets.US_ASCII);

        List<Package> packages = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> found(analyzer.analyze(new AnalyzerInput(STATUS, status))));

        assertThat(packages).extracting(Package::name, Package::version).containsExactly(tuple("long", "1.0"), tuple("after", "2.0"));
        assertThat(packages.get(0).sourceName()).startsWith("long").hasSizeLessThanOrEqualTo(64 << 10);
    }

    @Test
    void refusesAStatusFileListingMorePackagesThanAnyDebianRelease() {
        StringBuilder status = new StringBuilder();
        for (int i = 0; i <= 200_000; i++) {
            status.append("Package: p").append(i).append("\nStatus: install ok installed\nVersion: 1\n\n");
        }

        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput(STATUS, status.toString().getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("dpkg", STATUS, "more than 200000 installed packages, more than"
                + " any Debian release has: this is not a real dpkg database"));
    }

    @Test
    void wantsTheStatusFileAndTheFilesOfTheStatusDirectory() {
        assertThat(List.of(STATUS, "var/lib/dpkg/status.d/libssl3", "var/lib/dpkg/status.d/base"))
                .allMatch(path -> analyzer.wants(path, 50_000), "wanted");
        assertThat(List.of("var/lib/dpkg/status-old", "var/lib/dpkg/available", "var/lib/dpkg/status.d/libssl3.md5sums",
                "var/lib/dpkg/status.d/nested/libssl3", "var/lib/dpkg/info/libssl3:amd64.list", "home/me/var/lib/dpkg/status"))
                .noneMatch(path -> analyzer.wants(path, 50_000));
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(DpkgAnalyzer.class);
    }

    private static List<Package> found(AnalyzerOutcome outcome) {
        return AnalyzerFixtures.packagesOnly(outcome);
    }

    private static String text(AnalyzerInput input) {
        return new String(input.content(), StandardCharsets.UTF_8);
    }

    private static AnalyzerInput fixture(String resource, String imagePath) {
        return AnalyzerFixtures.fixture(DpkgAnalyzerTest.class, resource, imagePath);
    }
}
