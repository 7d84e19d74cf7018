package dev.bulwark.policy.vex;

import static dev.bulwark.policy.vex.OpenVexRejectionTest.rejecting;
import static dev.bulwark.policy.vex.VexFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexDocumentsTest {

    @Test
    void everyRegisteredReaderReadsAHappyFixtureAndEveryHappyFixtureHasOneReader() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (VexReader reader : VexDocuments.READERS) {
            assertThat(VexFixtures.HAPPY).as("happy fixtures of %s", reader.getClass().getSimpleName())
                    .anyMatch(name -> reader.accepts(new VexFile(fixture(name), readTree(json, name))));
        }
        for (String name : VexFixtures.HAPPY) {
            VexFile document = new VexFile(fixture(name), readTree(json, name));
            assertThat(VexDocuments.READERS).as("readers of %s", name).filteredOn(reader -> reader.accepts(document))
                    .hasSize(1);
            assertThat(VexDocuments.read(fixture(name))).as(name).isNotEmpty();
        }
    }

    @Test
    void detectsTheFormatByContentNotByFileName(@TempDir Path directory) throws IOException {
        Path renamed = Files.copy(fixture("cyclonedx/shop-api.cdx.json"), directory.resolve("vex.txt"));

        assertThat(VexDocuments.read(renamed)).isNotEmpty();
    }

    @Test
    void rejectsAFileThatIsNotJsonWithTheLineOfTheFault() {
        rejecting("not-json.openvex.json", "")
                .hasMessageContaining("is not JSON at line 5")
                .hasMessageContaining("must be an OpenVEX or CycloneDX VEX JSON file");
    }

    @Test
    void rejectsJsonOfAnotherFormatSayingWhatWasExpected() {
        rejecting("csaf-vex.json", "")
                .hasMessageContaining("is not a VEX document Bulwark reads")
                .hasMessageContaining("OpenVEX (an \"@context\" starting with https://openvex.dev/ns)")
                .hasMessageContaining("CycloneDX VEX (\"bomFormat\": \"CycloneDX\" with a \"vulnerabilities\" array)");
    }

    @Test
    void rejectsACycloneDxSbomThatHasNoVulnerabilities() {
        rejecting("sbom-without-vulnerabilities.cdx.json", "")
                .hasMessageContaining("CycloneDX BOM without a \"vulnerabilities\" array");
    }

    @Test
    void rejectsDuplicateKeysThatWouldMakeAStatementAmbiguous(@TempDir Path directory) throws IOException {
        Path document = Files.writeString(directory.resolve("twice.openvex.json"), """
                {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
                  {"vulnerability": {"name": "CVE-2021-44228"}, "status": "affected", "status": "fixed"}]}
                """);

        assertThatThrownBy(() -> VexDocuments.read(document)).isInstanceOf(VexFormatException.class)
                .hasMessageContaining("is not JSON at line 2")
                .hasMessageContaining("Duplicate field 'status'");
    }

    @Test
    void rejectsAnEmptyFile(@TempDir Path directory) throws IOException {
        Path empty = Files.writeString(directory.resolve("empty.json"), "");

        assertThatThrownBy(() -> VexDocuments.read(empty)).isInstanceOf(VexFormatException.class)
                .hasMessage(empty + ": is empty; a VEX document must be an OpenVEX or CycloneDX VEX JSON file");
    }

    @Test
    void rejectsAMissingFileNamingIt(@TempDir Path directory) {
        Path missing = directory.resolve("nowhere.openvex.json");

        assertThatThrownBy(() -> VexDocuments.read(missing)).isInstanceOf(VexFormatException.class)
                .hasMessageStartingWith(missing + ": cannot be read")
                .hasMessageEndingWith("check the path and its permissions");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(ObjectMapper json, String name) {
        try {
            return json.readTree(fixture(name).toFile());
        } catch (IOException e) {
            throw new AssertionError(name + " must be JSON", e);
        }
    }
}
