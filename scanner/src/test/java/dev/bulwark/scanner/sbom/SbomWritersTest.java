package dev.bulwark.scanner.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.testing.JsonSchemas;
import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.docker.DockerEngine;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.DaemonSource;
import dev.bulwark.scanner.model.ImageRef;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SbomWritersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-11-29T12:00:00Z");
    private static ScannedImage scanned;

    @BeforeAll
    static void scanTheDebianImage() {
        try (DockerEngine engine = DockerEngine.fromEnvironment();
             DaemonSource source = new DaemonSource(engine, ImageRef.parse("bulwark-test/debian-pkgs"))) {
            scanned = new ImageScanner(Analyzers.all(), ScanLimits.DEFAULTS, Optional.empty()).scan(source);
        }
    }

    @Test
    void writesCycloneDxThatTheOfficialSchemaAccepts() throws Exception {
        JsonNode bom = JSON.readTree(SbomWriter.of(SbomFormat.CYCLONEDX, "1.0.0").write(scanned, CREATED));

        assertThat(JsonSchemas.corpusSchema("schemas/bom-1.6.schema.json").validate(bom)).extracting(ValidationMessage::toString).isEmpty();
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.path("metadata").path("component").path("type").asText()).isEqualTo("container");
        assertThat(bom.path("components")).hasSize(scanned.inventory().packages().size());
        Set<String> purls = new HashSet<>();
        bom.path("components").forEach(component -> purls.add(component.path("purl").asText()));
        assertThat(purls).containsAll(scanned.inventory().packages().stream().map(p -> p.purl().toString()).toList());
    }

    @Test
    void writesSpdxWithEveryPackageContainedByTheImage() throws Exception {
        JsonNode spdx = JSON.readTree(SbomWriter.of(SbomFormat.SPDX_JSON, "1.0.0").write(scanned, CREATED));

        int packages = scanned.inventory().packages().size();
        assertThat(spdx.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(spdx.path("packages")).hasSize(packages + 1);
        assertThat(spdx.path("relationships")).hasSize(packages + 1);
        Set<String> ids = new HashSet<>();
        spdx.path("packages").forEach(node -> {
            ids.add(node.path("SPDXID").asText());
            assertThat(node.path("SPDXID").asText()).matches("SPDXRef-[A-Za-z0-9.-]+");
        });
        assertThat(ids).hasSize(packages + 1);
        assertThat(spdx.path("packages").get(1).path("externalRefs").get(0).path("referenceLocator").asText()).startsWith("pkg:deb/debian/");
    }

    @Test
    void writesATableWithOneLinePerPackage() {
        String table = SbomWriter.of(SbomFormat.TABLE, "1.0.0").write(scanned, CREATED);

        Package openssl = scanned.inventory().packages().stream().filter(p -> p.name().equals("openssl")).findFirst().orElseThrow();
        assertThat(table).contains("OS: Debian GNU/Linux 12 (bookworm)")
                .containsPattern("deb\\s+openssl\\s+" + java.util.regex.Pattern.quote(openssl.version()));
        assertThat(table.lines().filter(line -> line.startsWith("deb ")).count()).isEqualTo(
                scanned.inventory().packages().stream().filter(p -> p.ecosystem() == Ecosystem.DEB).count());
    }

    @Test
    void namesTheValidFormatsForAnUnknownOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SbomFormat.parse("spdx"))
                .hasMessage("'spdx' is not an SBOM format: use one of table, cyclonedx, spdx-json");
    }
}
