package dev.bulwark.scanner.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.model.ScanLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class LayerWalkTest {

    private static final String FIXTURES = "/dev/bulwark/scanner/analyzer/java/";

    @Test
    void reportsTheUnreadablePartsOfAFileBesideThePackagesFoundInTheRest() throws IOException {
        byte[] war = zip("WEB-INF/lib/failureaccess-1.0.2.jar", fixture("sad/truncated-failureaccess-1.0.2.jar"),
                "WEB-INF/lib/slf4j-api-2.0.17.jar", fixture("happy/slf4j-api-2.0.17.jar"));

        byte[] blob = tar("srv/app.war", war);
        String diffId = HostileLayerTest.diffIdOf(new ByteArrayInputStream(blob));
        LayerAnalysis layer = new LayerWalk(Analyzers.all(), ScanLimits.DEFAULTS).walk(diffId, new ByteArrayInputStream(blob));

        assertThat(layer.files().get("srv/app.war")).extracting(Package::name, Package::layer)
                .containsExactly(tuple("org.slf4j:slf4j-api", diffId));
        assertThat(layer.failures()).extracting(AnalyzerFailure::analyzer, AnalyzerFailure::path)
                .containsExactly(tuple("java-archive",
                        "/srv/app.war!/WEB-INF/lib/failureaccess-1.0.2.jar"));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = LayerWalkTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] zip(String name1, byte[] content1, String name2, byte[] content2) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name1));
            zip.write(content1);
            zip.putNextEntry(new ZipEntry(name2));
            zip.write(content2);
        }
        return bytes.toByteArray();
    }

    private static byte[] tar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
