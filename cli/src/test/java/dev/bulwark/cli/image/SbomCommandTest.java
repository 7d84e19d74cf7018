package dev.bulwark.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomCommandTest {

    @TempDir
    Path temp;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void writesACycloneDxFileAndReusesTheLayerCacheOnTheSecondRun() throws Exception {
        Path file = temp.resolve("out/sbom.cdx.json");
        String cache = temp.resolve("cache").toString();

        int first = run("sbom", "bulwark-test/debian", "--format", "cyclonedx", "--output", file.toString(), "--cache-dir", cache);
        int second = run("sbom", "bulwark-test/debian", "--format", "cyclonedx", "--output", file.toString(), "--cache-dir", cache);

        assertThat(first).isZero();
        assertThat(second).isZero();
        JsonNode bom = new ObjectMapper().readTree(file.toFile());
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("components").size()).isGreaterThan(50);
        assertThat(Files.list(file.getParent())).containsExactly(file);
        assertThat(temp.resolve("cache/layers.db")).exists();
    }

    @Test
    void exitsWithThreeAndOneLineWhenTheImageCannotBeRead() {
        int exit = run("sbom", "docker-archive:" + temp.resolve("missing.tar"));

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err()).startsWith("bulwark sbom: error: ").contains("missing.tar does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void exitsWithTwoForAnUnknownFormat() {
        int exit = run("sbom", "bulwark-test/busybox", "--format", "xml");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("'xml' is not an SBOM format: use one of table, cyclonedx, spdx-json");
    }
}
