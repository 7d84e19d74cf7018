package dev.bulwark.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.version.VersionSchemes;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.testing.JsonSchemas;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.db.DbUpdater;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.sbom.SbomFormat;
import dev.bulwark.scanner.sbom.SbomWriter;
import dev.bulwark.scanner.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bulwark-test/java-bare: real jars from Maven Central that never had pom.properties or had it stripped, two of
 * them renamed, and an in-house jar nothing names. {@code testing/images/java-bare/expected.txt} says what each
 * is, from Maven Central's own coordinates; the vulnerability database is the GitHub advisories of the corpus.
 */
class JarsWithoutPomPropertiesTest {

    private static final Path EXPECTED = Path.of("..", "testing", "images", "java-bare", "expected.txt");

    @TempDir
    static Path temp;

    private static VulnDb db;
    private static ScannedImage scanned;
    private static Inventory completed;

    /** One line of expected.txt: the archive, and what it is (no group: nothing names one; empty: nothing names it). */
    private record Expected(String path, Optional<Purl> truth) {
    }

    @BeforeAll
    static void scanAndComplete() {
        Path file = temp.resolve("vulns.db");
        new DbUpdater(Clock.systemUTC(), line -> { }).update(file, List.of(Corpora.corpus("osv-ghsa/maven").toString()));
        db = VulnDb.open(file);
        scanned = TestImages.scan("bulwark-test/java-bare");
        completed = MavenGroups.of(db).complete(scanned.inventory());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<Expected> expected() throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED)) {
            String[] fields = line.strip().split("\\s+");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (fields[1].equals("not-analysed")) {
                expected.add(new Expected(fields[0], Optional.empty()));
            } else {
                String[] name = fields[1].split(":");
                expected.add(new Expected(fields[0], Optional.of(Purl.of("maven", name[0].equals("-") ? "" : name[0], name[1], fields[2]))));
            }
        }
        return expected;
    }

    private static Map<String, Package> byPath() {
        return completed.packages().stream().filter(pkg -> pkg.ecosystem() == Ecosystem.MAVEN)
                .collect(Collectors.toMap(Package::path, Function.identity()));
    }

    @Test
    void namesEveryArchiveAsMavenCentralDoesAndInventsNothing() throws IOException {
        Map<String, Package> found = byPath();
        List<Expected> identified = expected().stream().filter(line -> line.truth().isPresent()).toList();

        assertThat(found.keySet()).as("archives named (none missing, none invented)")
                .containsExactlyInAnyOrderElementsOf(identified.stream().map(Expected::path).toList());
        for (Expected line : identified) {
            Purl truth = line.truth().orElseThrow();
            Package pkg = found.get(line.path());
            assertThat(pkg.purl().namespace()).as("group of " + line.path()).isEqualTo(truth.namespace());
            assertThat(pkg.purl().name()).as("artifactId of " + line.path()).isEqualTo(truth.name());
            assertThat(VersionSchemes.MAVEN.compare(pkg.version(), truth.version())).as("version of " + line.path()
                    + ": " + pkg.version() + " against " + truth.version()).isZero();
        }
    }

    @Test
    void listsTheArchiveNothingNamesAsNotAnalysed() throws IOException {
        List<String> unnamed = expected().stream().filter(line -> line.truth().isEmpty()).map(Expected::path).toList();

        assertThat(completed.failures()).extracting(AnalyzerFailure::path).containsExactlyInAnyOrderElementsOf(unnamed);
        assertThat(completed.failures()).allSatisfy(failure -> assertThat(failure.reason()).startsWith("not identified"));
    }

    @Test
    void findsTheSameVulnerabilitiesAsUnderTheTrueCoordinates() throws IOException {
        Map<String, Package> found = byPath();
        int findings = 0;
        for (Expected line : expected()) {
            if (line.truth().isEmpty()) {
                continue;
            }
            Purl truth = line.truth().orElseThrow();
            String name = truth.namespace().isEmpty() ? truth.name() : truth.namespace() + ":" + truth.name();
            Package asMavenNamedIt = new Package(Ecosystem.MAVEN, name, truth.version(), truth, "", "", "", line.path());
            Set<String> expectedIds = advisories(asMavenNamedIt);
            assertThat(advisories(found.get(line.path()))).as("advisories of " + line.path()).isEqualTo(expectedIds);
            findings += expectedIds.size();
        }
        assertThat(findings).as("the corpus has advisories for most of these archives").isGreaterThan(50);
    }

    private static Set<String> advisories(Package pkg) {
        Matcher.Result result = new Matcher(db).match(new Inventory(Optional.empty(), List.of(pkg), List.of()));
        return result.matches().stream().map(match -> match.finding().vulnerabilityId()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void showsInTheSbomWhichEvidenceDecidedAndHowSureItIs() throws Exception {
        ScannedImage image = new ScannedImage(scanned.image(), completed, scanned.cachedLayers());
        JsonNode bom = new ObjectMapper().readTree(SbomWriter.of(SbomFormat.CYCLONEDX, "1.0.0").write(image, Instant.EPOCH));

        assertThat(JsonSchemas.corpusSchema("schemas/bom-1.6.schema.json").validate(bom)).extracting(ValidationMessage::toString).isEmpty();
        JsonNode h2 = component(bom, "/app/lib/h2-1.4.197.jar");
        assertThat(properties(h2, "bulwark:identity:confidence")).containsExactly("medium");
        assertThat(properties(h2, "bulwark:identity:evidence")).containsExactly(
                "group: vulnerability database = com.h2database:h2", "name: file name = h2", "version: file name = 1.4.197");
        assertThat(h2.path("evidence").path("identity").findValuesAsText("technique")).contains("filename", "other");
        JsonNode beans = component(bom, "/app/lib/spring-beans-5.3.15.jar");
        assertThat(properties(beans, "bulwark:identity:confidence")).containsExactly("high");
        assertThat(properties(beans, "bulwark:identity:evidence")).contains("group: class packages = org.springframework.beans.factory");
    }

    private static JsonNode component(JsonNode bom, String path) {
        for (JsonNode component : bom.path("components")) {
            if (properties(component, "bulwark:path").contains(path)) {
                return component;
            }
        }
        throw new AssertionError("no component for " + path + " in the SBOM");
    }

    private static List<String> properties(JsonNode component, String name) {
        List<String> values = new ArrayList<>();
        component.path("properties").forEach(property -> {
            if (property.path("name").asText().equals(name)) {
                values.add(property.path("value").asText());
            }
        });
        return values;
    }
}
