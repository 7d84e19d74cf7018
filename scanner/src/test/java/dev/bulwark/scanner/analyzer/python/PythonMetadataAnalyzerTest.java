package dev.bulwark.scanner.analyzer.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.Package;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonMetadataAnalyzerTest {

    private static final String SITE_PACKAGES = "usr/local/lib/python3.11/site-packages/";
    private static final String DIST_PACKAGES = "usr/lib/python3/dist-packages/";

    private final PythonMetadataAnalyzer analyzer = new PythonMetadataAnalyzer();

    @Test
    void readsTheMetadataOfAWheel() {
        Package pkg = found(analyzer.analyze(fixture("happy/PyYAML-6.0.dist-info/METADATA",
                SITE_PACKAGES + "PyYAML-6.0.dist-info/METADATA")));

        assertThat(pkg.ecosystem()).isEqualTo(Ecosystem.PYPI);
        assertThat(pkg.name()).isEqualTo("PyYAML");
        assertThat(pkg.version()).isEqualTo("6.0");
        assertThat(pkg.path()).isEqualTo("/" + SITE_PACKAGES + "PyYAML-6.0.dist-info/METADATA");
    }

    @Test
    void normalisesPythonNamesForThePurl() {
        assertThat(found(analyzer.analyze(fixture("happy/PyYAML-6.0.dist-info/METADATA", SITE_PACKAGES + "PyYAML-6.0.dist-info/METADATA")))
                .purl()).hasToString("pkg:pypi/pyyaml@6.0");
        Package typingExtensions = found(analyzer.analyze(fixture("happy/typing_extensions-4.15.0.dist-info/METADATA",
                SITE_PACKAGES + "typing_extensions-4.15.0.dist-info/METADATA")));
        assertThat(typingExtensions.name()).isEqualTo("typing_extensions");
        assertThat(typingExtensions.purl()).hasToString("pkg:pypi/typing-extensions@4.15.0");
        assertThat(Ecosystem.PYPI.normalize("Foo.._-Bar_baz")).isEqualTo("foo-bar-baz");
    }

    @Test
    void readsThePkgInfoOfAnEggInfoFolder() {
        Package pkg = found(analyzer.analyze(fixture("happy/lazr.uri-1.0.6.egg-info/PKG-INFO",
                DIST_PACKAGES + "lazr.uri-1.0.6.egg-info/PKG-INFO")));

        assertThat(pkg.name()).isEqualTo("lazr.uri");
        assertThat(pkg.purl()).hasToString("pkg:pypi/lazr-uri@1.0.6");
    }

    @Test
    void readsAnEggInfoFile() {
        Package pkg = found(analyzer.analyze(fixture("happy/crit-3.17.1-py3.11.egg-info", DIST_PACKAGES + "crit-3.17.1-py3.11.egg-info")));

        assertThat(pkg.name()).isEqualTo("crit");
        assertThat(pkg.version()).isEqualTo("3.17.1");
        assertThat(pkg.purl()).hasToString("pkg:pypi/crit@3.17.1");
    }

    @Test
    void readsOnlyTheHeadersNotTheLongDescription() {
        AnalyzerOutcome outcome = analyzer.analyze(fixture("sad/missing-version.dist-info/METADATA",
                SITE_PACKAGES + "broken_dist-2.0.0.dist-info/METADATA"));

        assertThat(outcome).isEqualTo(new AnalyzerOutcome.Failed("python-metadata", SITE_PACKAGES + "broken_dist-2.0.0.dist-info/METADATA",
                "METADATA has no \"Version:\" header before its first blank line, where the metadata headers end"));
    }

    @Test
    void reportsAFileThatIsNotMetadata() {
        AnalyzerOutcome outcome = analyzer.analyze(new AnalyzerInput(DIST_PACKAGES + "foo.egg-info", new byte[] {0x1f, (byte) 0x8b, 8, 0}));

        assertThat(outcome).isInstanceOfSatisfying(AnalyzerOutcome.Failed.class, failure -> assertThat(failure.reason())
                .startsWith("foo.egg-info has no \"Name:\" header"));
    }

    @Test
    void wantsCoreMetadataFilesOnly() {
        assertThat(List.of(
                SITE_PACKAGES + "PyYAML-6.0.dist-info/METADATA",
                SITE_PACKAGES + "lazr.uri-1.0.6.egg-info/PKG-INFO",
                DIST_PACKAGES + "crit-3.17.1-py3.11.egg-info",
                "app/.venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA"))
                .allMatch(path -> analyzer.wants(path, 2000), "wanted");
        assertThat(List.of(
                SITE_PACKAGES + "PyYAML-6.0.dist-info/RECORD",
                SITE_PACKAGES + "PyYAML-6.0.dist-info/WHEEL",
                SITE_PACKAGES + "lazr.uri-1.0.6.egg-info/top_level.txt",
                SITE_PACKAGES + "yaml/__init__.py",
                "app/PKG-INFO",
                "app/METADATA"))
                .noneMatch(path -> analyzer.wants(path, 2000));
    }

    @Test
    void isRegistered() {
        assertThat(Analyzers.all()).hasAtLeastOneElementOfType(PythonMetadataAnalyzer.class);
    }

    private static Package found(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalyzerOutcome.Found.class);
        List<Package> packages = ((AnalyzerOutcome.Found) outcome).packages();
        assertThat(packages).hasSize(1);
        return packages.get(0);
    }

    private static AnalyzerInput fixture(String resource, String imagePath) {
        try (InputStream in = PythonMetadataAnalyzerTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " beside " + PythonMetadataAnalyzerTest.class.getName());
            }
            return new AnalyzerInput(imagePath, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
