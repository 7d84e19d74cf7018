package dev.bulwark.scanner.trivy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.scanner.image.ImageConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON report Trivy writes with {@code --format json} (schema version 2, Trivy 0.20 and later), so that
 * teams who scan with Trivy gate its findings with Bulwark's policy.
 *
 * <p>Every entry of every result's {@code Vulnerabilities} becomes a {@link Match}; results of other scanners
 * (secrets, misconfigurations, licences) are not findings Bulwark judges and are left out. The mapping of each field
 * is described on the package-private {@code TrivyVulnerabilities}, {@code TrivyCvss}, {@code FixedVersions},
 * {@code TrivyAliases} and {@code TrivyPurls}.
 */
public final class TrivyReport {

    /** The only report schema Bulwark reads. */
    public static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TrivyReport() {
    }

    /**
     * Reads a report.
     *
     * @param file the report, as {@code trivy … --format json --output FILE} wrote it
     * @return the artifact, OS, packages and matches of the report
     * @throws TrivyReportException naming the file, the JSON path and what to do, when the file is not JSON, its
     *                              {@code SchemaVersion} is not 2, or a vulnerability lacks its ID or package
     */
    public static TrivyResult read(Path file) {
        TrivyNode report = new TrivyNode(file, "", parse(file));
        checkSchema(report);
        Optional<OsRelease> os = os(report.child("Metadata"));
        Set<Package> packages = new LinkedHashSet<>();
        List<Match> matches = new ArrayList<>();
        for (TrivyNode result : report.items("Results")) {
            TrivyTarget target = TrivyTarget.of(result, os);
            TrivyPackages listed = TrivyPackages.read(result, target);
            List<Match> found = result.items("Vulnerabilities").stream()
                    .map(vulnerability -> TrivyVulnerabilities.toMatch(vulnerability, target, listed)).toList();
            packages.addAll(listed.listed() ? listed.all() : found.stream().map(Match::pkg).toList());
            matches.addAll(found);
        }
        JsonNode metadata = report.node().path("Metadata");
        Optional<ImageConfig> config = metadata.path("ImageConfig").isObject()
                ? Optional.of(ImageConfig.of(metadata.path("ImageConfig"))) : Optional.empty();
        return new TrivyResult(report.text("ArtifactName").orElse(""), os, List.copyOf(packages), matches, config,
                metadata.path("ImageID").asText(""), metadata.path("Size").asLong(0));
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new TrivyReportException(file, "", "the file is empty: pass the file trivy wrote with --format json", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new TrivyReportException(file, "", "is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "): pass the file trivy wrote with --format json, not its table output", e);
        } catch (IOException e) {
            throw new TrivyReportException(file, "", "cannot be read (" + e.getMessage()
                    + "): check that the file exists and is readable", e);
        }
    }

    private static void checkSchema(TrivyNode report) {
        String found = !report.node().isObject() ? "no SchemaVersion (the document is not a JSON object)"
                : report.has("SchemaVersion") ? "SchemaVersion " + report.node().get("SchemaVersion")
                : "no SchemaVersion";
        if (!report.node().isObject() || !report.node().path("SchemaVersion").isInt()
                || report.node().get("SchemaVersion").asInt() != SCHEMA_VERSION) {
            throw report.problem("the report has " + found + ", but Bulwark reads Trivy reports with SchemaVersion "
                    + SCHEMA_VERSION + "; re-run trivy with a current version (0.20 or later) and --format json");
        }
    }

    /** {@code Metadata.OS}: {@code Family} is the OS ID ({@code debian}), {@code Name} its version ({@code 10.1}). */
    private static Optional<OsRelease> os(TrivyNode metadata) {
        TrivyNode os = metadata.child("OS");
        return os.text("Family").map(family -> new OsRelease(family, os.text("Name").orElse(""), "", null));
    }
}
