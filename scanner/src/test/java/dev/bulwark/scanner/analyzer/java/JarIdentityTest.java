package dev.bulwark.scanner.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.model.Evidence;
import dev.bulwark.scanner.model.Evidence.Part;
import dev.bulwark.scanner.model.EvidenceSource;
import dev.bulwark.scanner.model.Identification;
import dev.bulwark.scanner.model.Identification.Confidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JarIdentityTest {

    @ParameterizedTest
    @CsvSource({
        "jackson-databind-2.17.0.jar,          jackson-databind,  2.17.0",
        "netty-handler-4.1.118.Final.jar,      netty-handler,     4.1.118.Final",
        "guava-32.1.3-jre.jar,                 guava,             32.1.3-jre",
        "javax.inject-1.jar,                   javax.inject,      1",
        "WEB-INF/lib/spring-core-6.1.0-M1.jar, spring-core,       6.1.0-M1",
        "app.jar,                              app,               ''",
        "my-app.war,                           my-app,            ''",
    })
    void splitsAMavenFileNameAtTheFirstDashBeforeADigit(String path, String artifactId, String version) {
        assertThat(FileName.parse(path)).isEqualTo(new FileName(artifactId, version));
    }

    @ParameterizedTest
    @CsvSource({
        "com.fasterxml.jackson.core.jackson-databind, jackson-databind, com.fasterxml.jackson.core",
        "org.apache.commons.commons-compress,         commons-compress, org.apache.commons",
        "com.google.guava,                            guava,            ''",
        "org.jspecify.jspecify,                       jspecify,         ''",
        "org.apiguardian.api,                         apiguardian-api,  ''",
        "slf4j.api,                                   slf4j-api,        ''",
        "jackson.jackson-databind,                    jackson-databind, ''",
        "jackson-databind,                            jackson-databind, ''",
    })
    void takesAGroupOnlyFromASymbolicNameThatIsGroupDotArtifact(String symbolicName, String artifactId, String group) {
        assertThat(JarIdentity.groupFromSymbolicName(symbolicName, artifactId)).isEqualTo(group);
    }

    @Test
    void prefersAMavenFileNameToTheManifest() throws IOException {
        byte[] manifest = manifest("Implementation-Title: Jackson-databind", "Implementation-Version: 2.17",
                "Bundle-SymbolicName: com.fasterxml.jackson.core.jackson-databind;singleton:=true",
                "Implementation-Vendor-Id: com.fasterxml.jackson.core");

        assertThat(identify(FileName.parse("jackson-databind-2.17.0.jar"), manifest))
                .contains(new Coordinates("com.fasterxml.jackson.core", "jackson-databind", "2.17.0"));
    }

    @Test
    void onlyGuessesTheNameOfARenamedArchiveForTheDatabaseToConfirm() throws IOException {
        byte[] manifest = manifest("Implementation-Title: jackson-databind", "Bundle-Version: 2.17.0",
                "Bundle-SymbolicName: com.fasterxml.jackson.core.jackson-databind", "Implementation-Vendor-Id: com.fasterxml.jackson.core");

        JarIdentity.Identified identified = JarIdentity.of(FileName.parse("json.jar"), ManifestFacts.parse(manifest), Optional.empty())
                .orElseThrow();

        assertThat(identified.coordinates()).isEqualTo(new Coordinates("", "jackson-databind", "2.17.0"));
        assertThat(identified.identification().confidence()).isEqualTo(Confidence.NONE);
        assertThat(identified.identification().clues(Part.GROUP)).contains("com.fasterxml.jackson.core.jackson-databind");
    }

    @Test
    void takesNoGroupFromASymbolicNameTheVendorDoesNotConfirm() throws IOException {
        // commons-codec's symbolic name says org.apache.commons; Maven's group is commons-codec.
        byte[] manifest = manifest("Bundle-SymbolicName: org.apache.commons.commons-codec", "Implementation-Vendor-Id: org.apache");

        assertThat(identify(FileName.parse("commons-codec-1.15.jar"), manifest)).contains(new Coordinates("", "commons-codec", "1.15"));
    }

    @Test
    void ignoresATitleThatIsADisplayName() throws IOException {
        byte[] manifest = manifest("Implementation-Title: Apache Commons IO", "Implementation-Version: 2.16.1",
                "Implementation-Vendor-Id: org.apache");

        assertThat(identify(FileName.parse("commons-io.jar"), manifest))
                .contains(new Coordinates("", "commons-io", "2.16.1"));
    }

    @Test
    void readsOnlyTheMainSectionOfTheManifest() throws IOException {
        byte[] manifest = manifest("Created-By: 17", "", "Name: org/example/", "Implementation-Version: 9.9");

        assertThat(identify(FileName.parse("example.jar"), manifest)).isEmpty();
    }

    @Test
    void readsTheMainSectionOfAManifestCutShort() throws IOException {
        // Only the first megabyte of a manifest is read; a signed jar's digests may end mid-line.
        byte[] manifest = manifest("Implementation-Version: 1.0", "", "Name: org/example/A.class", "SHA-256-Dig");

        assertThat(identify(FileName.parse("example.jar"), manifest))
                .contains(new Coordinates("", "example", "1.0"));
    }

    @Test
    void givesNothingWithoutAVersion() throws IOException {
        assertThat(identify(FileName.parse("example.jar"), new byte[0])).isEmpty();
        assertThat(identify(FileName.parse("example-${version}.jar"), new byte[0])).isEmpty();
    }

    @Test
    void refusesAMalformedManifest() {
        assertThatThrownBy(() -> identify(FileName.parse("example-1.0.jar"), manifest("no colon here")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void saysWhichEvidenceDecidedAndKeepsTheRestAsHints() throws IOException {
        byte[] manifest = manifest("Implementation-Title: spring-beans", "Implementation-Version: 5.3.15",
                "Automatic-Module-Name: spring.beans");

        Identification identification = JarIdentity.of(FileName.parse("spring-beans-5.3.15.jar"), ManifestFacts.parse(manifest),
                Optional.of("org.springframework.beans")).orElseThrow().identification();

        assertThat(identification.confidence()).isEqualTo(Confidence.LOW);
        assertThat(identification.evidence()).containsExactly(
                new Evidence(Part.NAME, EvidenceSource.FILE_NAME, "spring-beans"),
                new Evidence(Part.VERSION, EvidenceSource.FILE_NAME, "5.3.15"));
        assertThat(identification.hints()).containsExactly(
                new Evidence(Part.GROUP, EvidenceSource.AUTOMATIC_MODULE_NAME, "spring.beans"),
                new Evidence(Part.GROUP, EvidenceSource.CLASS_PACKAGES, "org.springframework.beans"));
    }

    @Test
    void isSureOfAGroupThatTheSymbolicNameAndTheVendorAgreeOn() throws IOException {
        byte[] manifest = manifest("Implementation-Vendor-Id: com.fasterxml.jackson.core",
                "Bundle-SymbolicName: com.fasterxml.jackson.core.jackson-databind");

        Identification identification = JarIdentity.of(FileName.parse("jackson-databind-2.9.10.jar"),
                ManifestFacts.parse(manifest), Optional.empty()).orElseThrow().identification();

        assertThat(identification.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(identification.evidenceFor(Part.GROUP)).containsExactly(
                new Evidence(Part.GROUP, EvidenceSource.BUNDLE_SYMBOLIC_NAME, "com.fasterxml.jackson.core.jackson-databind"),
                new Evidence(Part.GROUP, EvidenceSource.IMPLEMENTATION_VENDOR_ID, "com.fasterxml.jackson.core"));
    }

    private static Optional<Coordinates> identify(FileName fileName, byte[] manifest) throws IOException {
        return JarIdentity.of(fileName, ManifestFacts.parse(manifest), Optional.empty()).map(JarIdentity.Identified::coordinates);
    }

    private static byte[] manifest(String... lines) {
        return ("Manifest-Version: 1.0\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
