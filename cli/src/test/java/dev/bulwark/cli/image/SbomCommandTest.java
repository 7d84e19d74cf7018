package dev.bulwark.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.CliRun;
import dev.bulwark.policy.testing.Corpora;
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
    void completesTheGroupsOfJarsWithoutPomPropertiesFromTheDatabaseAndSaysWhenThereIsNone() {
        Path db = temp.resolve("vulns.db");
        String cache = temp.resolve("cache").toString();
        assertThat(run("db", "update", "--db", db.toString(), "--source", Corpora.corpus("osv-ghsa/maven").toString())).isZero();
        cli.clear();

        int without = run("sbom", "bulwark-test/java-bare", "--db", temp.resolve("absent.db").toString(), "--cache-dir", cache);
        String alone = cli.out();
        String note = cli.err();
        cli.clear();
        int with = run("sbom", "bulwark-test/java-bare", "--db", db.toString(), "--cache-dir", cache);

        assertThat(without).isZero();
        assertThat(with).isZero();
        assertThat(note).contains("no vulnerability database at", "bulwark db update");
        assertThat(alone).contains(" h2 ", "/app/renamed/yaml.jar: not identified").doesNotContain("com.h2database:h2");
        assertThat(cli.out()).contains("com.h2database:h2 ", "org.yaml:snakeyaml ").doesNotContain("yaml.jar: not identified");
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
