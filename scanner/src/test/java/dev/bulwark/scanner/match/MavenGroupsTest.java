package dev.bulwark.scanner.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Evidence;
import dev.bulwark.scanner.model.Evidence.Part;
import dev.bulwark.scanner.model.EvidenceSource;
import dev.bulwark.scanner.model.Identification;
import dev.bulwark.scanner.model.Identification.Confidence;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MavenGroupsTest {

    // As the GitHub advisories name them: snakeyaml is published under four groups, h2 and utils under one.
    private static final MavenGroups GROUPS = new MavenGroups(Map.of(
            "snakeyaml", groups("org.yaml", "be.cylab", "pl.droidsonroids.yaml", "org.testifyproject.external"),
            "h2", groups("com.h2database"),
            "utils", groups("org.example.tools"),
            "spring-beans", groups("org.springframework")));

    private static SortedSet<String> groups(String... names) {
        return new TreeSet<>(List.of(names));
    }

    private static Package archive(String artifactId, String version, List<Evidence> hints) {
        Identification identification = new Identification(Confidence.LOW, List.of(
                new Evidence(Part.NAME, EvidenceSource.FILE_NAME, artifactId), new Evidence(Part.VERSION, EvidenceSource.FILE_NAME, version)),
                hints);
        return new Package(Ecosystem.MAVEN, artifactId, version, Purl.of("maven", "", artifactId, version), "", "", "",
                "/app/" + artifactId + "-" + version + ".jar", identification);
    }

    private static Inventory complete(Package pkg) {
        return GROUPS.complete(new Inventory(Optional.empty(), List.of(pkg), List.of()));
    }

    @Test
    void choosesAmongSeveralGroupsTheOneTheArchiveItselfNames() {
        Package snakeyaml = archive("snakeyaml", "1.26", List.of(new Evidence(Part.GROUP, EvidenceSource.CLASS_PACKAGES, "org.yaml.snakeyaml")));

        Package completed = complete(snakeyaml).packages().get(0);

        assertThat(completed.name()).isEqualTo("org.yaml:snakeyaml");
        assertThat(completed.identification().confidence()).isEqualTo(Confidence.HIGH);
        assertThat(completed.identification().evidenceFor(Part.GROUP)).extracting(Evidence::source)
                .containsExactly(EvidenceSource.VULNERABILITY_DATABASE, EvidenceSource.CLASS_PACKAGES);
    }

    @Test
    void takesTheOnlyGroupTheDatabaseKnowsWhenTheArchiveSharesAWordWithIt() {
        Package h2 = archive("h2", "1.4.197", List.of(new Evidence(Part.GROUP, EvidenceSource.CLASS_PACKAGES, "org.h2")));

        Package completed = complete(h2).packages().get(0);

        assertThat(completed.purl().toString()).isEqualTo("pkg:maven/com.h2database/h2@1.4.197");
        assertThat(completed.identification().confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void doesNotGiveAnInHouseArchiveTheGroupOfAPublicOneWithTheSameName() {
        Package utils = archive("utils", "2.3", List.of(new Evidence(Part.GROUP, EvidenceSource.CLASS_PACKAGES, "com.acme.billing")));

        Inventory completed = complete(utils);

        assertThat(completed.packages()).containsExactly(utils);
        assertThat(completed.failures()).singleElement().extracting(AnalyzerFailure::reason).asString()
                .contains("org.example.tools", "none fits", "com.acme.billing", "not checked");
    }

    @Test
    void reportsAnArchiveThatFitsSeveralGroupsAsNotAnalysed() {
        Package snakeyaml = archive("snakeyaml", "1.26", List.of(
                new Evidence(Part.GROUP, EvidenceSource.BUNDLE_SYMBOLIC_NAME, "org.yaml.snakeyaml"),
                new Evidence(Part.GROUP, EvidenceSource.CLASS_PACKAGES, "be.cylab.snakeyaml")));

        Inventory completed = complete(snakeyaml);

        assertThat(completed.packages()).containsExactly(snakeyaml);
        assertThat(completed.failures()).singleElement().extracting(AnalyzerFailure::reason).asString().contains("fits several");
    }

    @Test
    void namesARenamedArchiveByASymbolicNameThatIsGroupDotArtifact() {
        Package renamed = archive("yaml", "1.26.0", List.of(new Evidence(Part.GROUP, EvidenceSource.BUNDLE_SYMBOLIC_NAME, "org.yaml.snakeyaml")));

        Package completed = complete(renamed).packages().get(0);

        assertThat(completed.purl().toString()).isEqualTo("pkg:maven/org.yaml/snakeyaml@1.26.0");
        assertThat(completed.identification().evidenceFor(Part.NAME)).extracting(Evidence::source)
                .containsExactly(EvidenceSource.BUNDLE_SYMBOLIC_NAME);
    }

    @Test
    void leavesAloneWhatPomPropertiesOrAPackageManagerNamed() {
        Package fromPom = new Package(Ecosystem.MAVEN, "h2", "1.4.197", Purl.of("maven", "", "h2", "1.4.197"), "", "", "", "/a.jar",
                new Identification(Confidence.HIGH, List.of(new Evidence(Part.GROUP, EvidenceSource.POM_PROPERTIES, "x")), List.of()));
        Package recorded = new Package(Ecosystem.MAVEN, "h2", "1.4.197", Purl.of("maven", "", "h2", "1.4.197"), "", "", "", "/b.jar");

        assertThat(GROUPS.complete(new Inventory(Optional.empty(), List.of(fromPom, recorded), List.of())).packages())
                .containsExactly(fromPom, recorded);
    }

    private static Package renamed(String guess, String version, List<Evidence> hints) {
        Identification guessed = new Identification(Confidence.NONE, List.of(
                new Evidence(Part.NAME, EvidenceSource.IMPLEMENTATION_TITLE, guess),
                new Evidence(Part.VERSION, EvidenceSource.IMPLEMENTATION_VERSION, version)), hints);
        return new Package(Ecosystem.MAVEN, guess, version, Purl.of("maven", "", guess, version), "", "", "", "/app/app.jar", guessed);
    }

    @Test
    void confirmsTheGuessedNameOfARenamedArchiveInTheDatabasesSpelling() {
        Package app = renamed("Spring-Beans", "5.3.15", List.of(new Evidence(Part.GROUP, EvidenceSource.CLASS_PACKAGES, "org.springframework.beans")));

        Package completed = complete(app).packages().get(0);

        assertThat(completed.purl().toString()).isEqualTo("pkg:maven/org.springframework/spring-beans@5.3.15");
        assertThat(completed.identification().evidenceFor(Part.NAME)).extracting(Evidence::source)
                .containsExactly(EvidenceSource.IMPLEMENTATION_TITLE, EvidenceSource.VULNERABILITY_DATABASE);
    }

    @Test
    void reportsARenamedArchiveNothingConfirmsAsNotAnalysedAndDropsTheGuess() {
        Package app = renamed("app", "1.2.10", List.of(new Evidence(Part.GROUP, EvidenceSource.CLASS_PACKAGES, "ch.qos.logback.classic")));

        Inventory completed = complete(app);

        assertThat(completed.packages()).isEmpty();
        assertThat(completed.failures()).singleElement().extracting(AnalyzerFailure::reason).asString()
                .startsWith("not identified").contains("app 1.2.10", "ch.qos.logback.classic");
        assertThat(MavenGroups.withoutDatabase().complete(new Inventory(Optional.empty(), List.of(app), List.of())).packages())
                .as("without a database no guess stands").isEmpty();
    }

    @Test
    void leavesAnArchiveTheDatabaseDoesNotKnowAsItIs() {
        Package okhttp = archive("okhttp", "4.9.0", List.of(new Evidence(Part.GROUP, EvidenceSource.AUTOMATIC_MODULE_NAME, "okhttp3")));

        Inventory completed = complete(okhttp);

        assertThat(completed.packages()).containsExactly(okhttp);
        assertThat(completed.failures()).isEmpty();
    }
}
