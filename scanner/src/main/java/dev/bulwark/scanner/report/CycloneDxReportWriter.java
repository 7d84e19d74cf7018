package dev.bulwark.scanner.report;

import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import dev.bulwark.scanner.sbom.CycloneDxInventory;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Rating;

/**
 * CycloneDX 1.6 JSON: the inventory's components, as the SBOM writes them, and a vulnerability per finding that
 * affects its component by {@code bom-ref}. Suppressed findings carry an {@code analysis} saying so (see
 * {@link CycloneDxAnalysis}); the verdict and its reasons, the database and the remediation are properties of the
 * document's metadata.
 */
final class CycloneDxReportWriter implements ReportWriter {

    @Override
    public String write(ScanReport report) {
        ReportFacts facts = ReportFacts.of(report);
        Bom bom = CycloneDxInventory.of(report.image(), report.createdAt(), report.bulwarkVersion(), "vulnerabilities");
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (Match match : facts.matches()) {
            vulnerabilities.add(vulnerability(match, facts, Optional.empty()));
        }
        for (SuppressedMatch entry : facts.suppressed()) {
            vulnerabilities.add(vulnerability(entry.match(), facts, Optional.of(entry)));
        }
        bom.setVulnerabilities(vulnerabilities);
        List<Property> properties = new ArrayList<>(bom.getMetadata().getProperties() == null ? List.of()
                : bom.getMetadata().getProperties());
        properties.addAll(CycloneDxAnalysis.reportProperties(facts));
        bom.getMetadata().setProperties(properties);
        return CycloneDxInventory.json(bom, report.image().image().name()) + "\n";
    }

    private static Vulnerability vulnerability(Match match, ReportFacts facts, Optional<SuppressedMatch> suppressed) {
        Finding finding = match.finding();
        Vulnerability vulnerability = new Vulnerability();
        String componentRef = CycloneDxInventory.bomRef(match.pkg());
        vulnerability.setBomRef(finding.vulnerabilityId() + "@" + componentRef);
        vulnerability.setId(finding.vulnerabilityId());
        if (!match.dataSource().isEmpty()) {
            vulnerability.setSource(source(match.dataSource()));
        }
        for (String alias : finding.aliases().stream().sorted().toList()) {
            // CycloneDX's references are the same vulnerability under other IDs: the aliases.
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            reference.setSource(source(match.dataSource().isEmpty() ? "alias" : match.dataSource()));
            vulnerability.addReference(reference);
        }
        vulnerability.setRatings(List.of(rating(match)));
        if (!match.title().isEmpty()) {
            vulnerability.setDescription(match.title());
        }
        vulnerability.setRecommendation(facts.remedy(match));
        match.references().stream().filter(ReportFacts::isWebUrl).forEach(url -> {
            Vulnerability.Advisory advisory = new Vulnerability.Advisory();
            advisory.setUrl(url);
            vulnerability.addAdvisory(advisory);
        });
        finding.published().ifPresent(published -> vulnerability.setPublished(Date.from(published)));
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(componentRef);
        vulnerability.setAffects(List.of(affect));
        suppressed.ifPresent(entry -> vulnerability.setAnalysis(CycloneDxAnalysis.of(entry)));
        vulnerability.setProperties(CycloneDxAnalysis.findingProperties(match, facts, suppressed));
        return vulnerability;
    }

    private static Rating rating(Match match) {
        Rating rating = new Rating();
        rating.setSeverity(severity(match.finding().severity()));
        match.finding().cvssScore().ifPresent(rating::setScore);
        String source = match.severitySource().toUpperCase(Locale.ROOT);
        rating.setMethod(source.startsWith("CVSS_V4") ? Rating.Method.CVSSV4
                : source.startsWith("CVSS_V3") ? Rating.Method.CVSSV3
                : source.startsWith("CVSS_V2") ? Rating.Method.CVSSV2 : Rating.Method.OTHER);
        if (!match.dataSource().isEmpty()) {
            rating.setSource(source(match.dataSource()));
        }
        return rating;
    }

    private static Vulnerability.Source source(String name) {
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(name);
        return source;
    }

    private static Rating.Severity severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Rating.Severity.CRITICAL;
            case HIGH -> Rating.Severity.HIGH;
            case MEDIUM -> Rating.Severity.MEDIUM;
            case LOW -> Rating.Severity.LOW;
            case UNKNOWN -> Rating.Severity.UNKNOWN;
        };
    }
}
