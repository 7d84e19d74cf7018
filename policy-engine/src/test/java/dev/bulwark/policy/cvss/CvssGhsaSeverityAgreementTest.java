package dev.bulwark.policy.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.vuln.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The band Bulwark computes from each GitHub advisory's CVSS vector against the severity GitHub gives the
 * advisory ({@code database_specific.severity}), over the GHSA records of the shared corpus. Every disagreement
 * must carry an explanation below, and every explanation must still describe a disagreement.
 */
class CvssGhsaSeverityAgreementTest {

    private static final List<String> ECOSYSTEMS = List.of("maven", "npm");

    /** Why GitHub's severity differs from the band of the record's CVSS v3 vector, by GHSA id. */
    private static final Map<String, String> V3_EXPLAINED = Map.of();

    /** Why GitHub's severity differs from the band of the record's CVSS v4 vector, by GHSA id. */
    private static final Map<String, String> V4_EXPLAINED = Map.of(
            "GHSA-qw6h-vgh9-j6wx", "express CVE-2024-43796 (XSS through response.redirect()) carries two assessments:"
                    + " CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L scores 5.0, moderate, and the v4.0 vector puts the"
                    + " impact on the subsequent system (the victim's browser) only and scores 2.3, low; GitHub's"
                    + " MODERATE is the v3.1 band, so GitHub's severity follows the v3.1 assessment");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bandsOfCvssV3VectorsAgreeWithGitHubSeverityOrTheDifferenceIsExplained() throws IOException {
        assertAgreement("CVSS_V3", V3_EXPLAINED);
    }

    @Test
    void bandsOfCvssV4VectorsAgreeWithGitHubSeverityOrTheDifferenceIsExplained() throws IOException {
        assertAgreement("CVSS_V4", V4_EXPLAINED);
    }

    private void assertAgreement(String type, Map<String, String> explained) throws IOException {
        List<Rated> rated = ratedAdvisories(type);
        Set<String> disagreeing = new TreeSet<>();
        List<String> report = new ArrayList<>();
        for (Rated advisory : rated) {
            CvssVector vector = parse(advisory);
            Severity github = Severity.parse(advisory.githubSeverity());
            if (vector.severity() != github) {
                disagreeing.add(advisory.id());
                report.add(advisory.id() + ": " + vector + " scores " + vector.baseScore() + " (" + vector.severity()
                        + "), GitHub says " + advisory.githubSeverity() + ": "
                        + explained.getOrDefault(advisory.id(), "UNEXPLAINED"));
            }
        }
        int agreeing = rated.size() - disagreeing.size();
        System.out.printf(Locale.ROOT, "CVSS %s band vs GHSA severity: %d/%d agree (%.1f %%)%n",
                type.substring(type.length() - 2).toLowerCase(Locale.ROOT), agreeing, rated.size(), 100.0 * agreeing / rated.size());
        report.forEach(line -> System.out.println("  disagreement " + line));

        assertThat(rated).as("GHSA records carrying a %s vector", type).isNotEmpty();
        assertThat(disagreeing).as("disagreements without an explanation (add one to the map, or fix the scorer):%n%s",
                String.join("\n", report)).isSubsetOf(explained.keySet());
        assertThat(explained.keySet()).as("stale explanations: these records no longer disagree, remove them")
                .isSubsetOf(disagreeing);
    }

    private static CvssVector parse(Rated advisory) {
        try {
            return CvssVector.parse(advisory.vector());
        } catch (InvalidCvssVectorException e) {
            throw new AssertionError(advisory.id() + " carries a vector Bulwark rejects: " + e.getMessage(), e);
        }
    }

    /** One CVSS vector of the given type from each GHSA record that has one, with GitHub's severity. */
    private List<Rated> ratedAdvisories(String type) throws IOException {
        List<Rated> rated = new ArrayList<>();
        for (String ecosystem : ECOSYSTEMS) {
            for (Path file : jsonFiles(Corpora.corpus("osv-ghsa/" + ecosystem))) {
                JsonNode record = json.readTree(file.toFile());
                for (JsonNode severity : record.path("severity")) {
                    if (severity.path("type").asText().equals(type)) {
                        String github = record.path("database_specific").path("severity").asText("");
                        assertThat(github).as("database_specific.severity of %s", file).isNotBlank();
                        rated.add(new Rated(record.path("id").asText(), severity.path("score").asText(), github));
                    }
                }
            }
        }
        return rated;
    }

    private static List<Path> jsonFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private record Rated(String id, String vector, String githubSeverity) {
    }
}
