package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a result's {@code Vulnerabilities} as a {@link Match}.
 *
 * <ul>
 *   <li>ID: {@code VulnerabilityID}; aliases: see {@link TrivyAliases}; {@code VendorIDs} ({@code DSA-4613-1}) name
 *       vendor advisories that may fix several vulnerabilities, so they are not aliases.</li>
 *   <li>package: the listed package with the entry's {@code PkgIdentifier.UID} (or {@code PkgID}) when Trivy listed
 *       packages, else one made of {@code PkgName}, {@code InstalledVersion}, {@code PkgIdentifier.PURL} (or a purl
 *       from {@link TrivyPurls}), {@code Layer.DiffID} and {@code PkgPath} (or the lockfile {@code Target}).</li>
 *   <li>severity: {@code Severity}, {@code UNKNOWN} when absent; score: {@link TrivyCvss}; fix: {@link FixedVersions};
 *       published: {@code PublishedDate}.</li>
 *   <li>title: {@code Title}, else the first line of {@code Description}; severity source: {@code trivy:} and
 *       {@code SeveritySource}; references: {@code PrimaryURL} then {@code References}; data source:
 *       {@code DataSource.Name}, else {@code Trivy}.</li>
 * </ul>
 */
final class TrivyVulnerabilities {

    private TrivyVulnerabilities() {
    }

    /**
     * The match a vulnerability entry reports.
     *
     * @param vulnerability the entry
     * @param target        the result it is in
     * @param listed        the result's listed packages, which the entry's package is taken from when it is there
     * @throws TrivyReportException when the entry has no {@code VulnerabilityID} or {@code PkgName}, or a field
     *                              holds something Bulwark cannot read
     */
    static Match toMatch(TrivyNode vulnerability, TrivyTarget target, TrivyPackages listed) {
        String id = vulnerability.requiredText("VulnerabilityID",
                "a finding needs the ID of its vulnerability; re-run trivy, or remove the entry from the report");
        String name = vulnerability.requiredText("PkgName",
                "a finding needs the package it is in; re-run trivy, or remove the entry from the report");
        String installed = vulnerability.text("InstalledVersion").orElse("");
        String path = target.pathOf(vulnerability.text("PkgPath"));
        Package pkg = listed.find(vulnerability, path).orElseGet(() -> packageOf(vulnerability, target, name, installed, path));
        Optional<String> severitySource = vulnerability.text("SeveritySource");
        List<String> references = references(vulnerability);
        Finding finding = new Finding(id, TrivyAliases.of(id, references), pkg.purl(), pkg.path(), severity(vulnerability),
                TrivyCvss.score(vulnerability, severitySource),
                FixedVersions.choose(vulnerability.text("FixedVersion").orElse(""), installed, pkg.purl().type()),
                published(vulnerability));
        return new Match(finding, pkg, title(vulnerability), severitySource.map(source -> "trivy:" + source).orElse("trivy"),
                references, vulnerability.child("DataSource").text("Name").orElse("Trivy"));
    }

    private static Package packageOf(TrivyNode vulnerability, TrivyTarget target, String name, String installed, String path) {
        Purl purl = target.purlOf(vulnerability.child("PkgIdentifier"), name, installed, "");
        String layer = vulnerability.child("Layer").text("DiffID").orElse("");
        return new Package(Ecosystem.ofPurlType(purl.type()).orElse(Ecosystem.OTHER), name, installed, purl, "", "", layer, path);
    }

    private static Severity severity(TrivyNode vulnerability) {
        Optional<String> word = vulnerability.text("Severity");
        try {
            return word.map(Severity::parse).orElse(Severity.UNKNOWN);
        } catch (IllegalArgumentException e) {
            throw vulnerability.problemAt("Severity", e.getMessage(), e);
        }
    }

    private static Optional<Instant> published(TrivyNode vulnerability) {
        Optional<String> date = vulnerability.text("PublishedDate");
        try {
            return date.map(text -> OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw vulnerability.problemAt("PublishedDate", "'" + date.orElseThrow()
                    + "' is not an RFC 3339 date-time such as 2019-09-10T17:15:00Z; fix it or remove it", e);
        }
    }

    /** {@code Title}, or the first line of {@code Description} when Trivy's database has no title. */
    private static String title(TrivyNode vulnerability) {
        return vulnerability.text("Title")
                .or(() -> vulnerability.text("Description").map(text -> text.lines().findFirst().orElse("").strip()))
                .orElse("");
    }

    /** {@code PrimaryURL} first, then {@code References}, each once. */
    private static List<String> references(TrivyNode vulnerability) {
        LinkedHashSet<String> references = new LinkedHashSet<>();
        vulnerability.text("PrimaryURL").ifPresent(references::add);
        references.addAll(vulnerability.texts("References"));
        return new ArrayList<>(references);
    }
}
