package dev.bulwark.scanner.report;

import static dev.bulwark.scanner.sbom.CycloneDxInventory.property;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis.Justification;

/**
 * What the CycloneDX report says beyond the vulnerability itself. A finding a VEX statement suppressed gets the
 * statement's state ({@code not_affected}, or {@code resolved} for {@code fixed}) and, when its label has a
 * CycloneDX equivalent, a justification. A finding an exception suppressed is an accepted risk, not a claim about
 * exploitability, so it gets no state: only the response {@code will_not_fix} and the exception in the detail.
 * The gate, the verdict, the database and the remediation are {@code bulwark:} properties.
 */
final class CycloneDxAnalysis {

    /** OpenVEX and CycloneDX justification labels, as CycloneDX justifications. */
    private static final Map<String, Justification> JUSTIFICATIONS = Map.ofEntries(
            Map.entry("component_not_present", Justification.CODE_NOT_PRESENT),
            Map.entry("vulnerable_code_not_present", Justification.CODE_NOT_PRESENT),
            Map.entry("vulnerable_code_not_in_execute_path", Justification.CODE_NOT_REACHABLE),
            Map.entry("vulnerable_code_cannot_be_controlled_by_adversary", Justification.REQUIRES_ENVIRONMENT),
            Map.entry("inline_mitigations_already_exist", Justification.PROTECTED_BY_MITIGATING_CONTROL),
            Map.entry("code_not_present", Justification.CODE_NOT_PRESENT),
            Map.entry("code_not_reachable", Justification.CODE_NOT_REACHABLE),
            Map.entry("requires_configuration", Justification.REQUIRES_CONFIGURATION),
            Map.entry("requires_dependency", Justification.REQUIRES_DEPENDENCY),
            Map.entry("requires_environment", Justification.REQUIRES_ENVIRONMENT),
            Map.entry("protected_by_compiler", Justification.PROTECTED_BY_COMPILER),
            Map.entry("protected_at_runtime", Justification.PROTECTED_AT_RUNTIME),
            Map.entry("protected_at_perimeter", Justification.PROTECTED_AT_PERIMETER),
            Map.entry("protected_by_mitigating_control", Justification.PROTECTED_BY_MITIGATING_CONTROL));

    private CycloneDxAnalysis() {
    }

    /** The analysis of a suppressed finding. */
    static Analysis of(SuppressedMatch entry) {
        Analysis analysis = new Analysis();
        String reason = entry.reason().strip();
        if (entry.by().equals("vex")) {
            String status = reason.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
            switch (status) {
                case "not_affected" -> analysis.setState(Analysis.State.NOT_AFFECTED);
                case "fixed" -> analysis.setState(Analysis.State.RESOLVED);
                default -> { }
            }
            justification(reason).ifPresent(analysis::setJustification);
        } else {
            analysis.setResponses(List.of(Analysis.Response.WILL_NOT_FIX));
        }
        analysis.setDetail("suppressed by " + entry.by() + ": " + reason);
        return analysis;
    }

    /** The first justification label in the VEX reason ({@code not_affected (vulnerable_code_not_present) from …}). */
    private static Optional<Justification> justification(String reason) {
        int open = reason.indexOf('(');
        if (open < 0) {
            return Optional.empty();
        }
        String label = reason.substring(open + 1).split("[\\s:),]", 2)[0].toLowerCase(Locale.ROOT);
        return Optional.ofNullable(JUSTIFICATIONS.get(label));
    }

    /** The properties of one finding's vulnerability: where it is, how its severity was settled, the gate. */
    static List<Property> findingProperties(Match match, ReportFacts facts, Optional<SuppressedMatch> suppressed) {
        List<Property> properties = new ArrayList<>();
        properties.add(property("bulwark:path", match.pkg().path()));
        properties.add(property("bulwark:layer", match.pkg().layer()));
        properties.add(property("bulwark:severity-source", match.severitySource()));
        properties.add(property("bulwark:fixed-version", match.finding().fixedVersion()));
        facts.gate(match).ifPresent(action -> properties.add(property("bulwark:gate", action.word())));
        for (Reason reason : facts.reasonsAbout(match)) {
            properties.add(property("bulwark:gate:reason", reasonLine(reason)));
        }
        suppressed.ifPresent(entry -> properties.add(property("bulwark:suppressed-by", entry.by())));
        return properties;
    }

    /** The properties of the report as a whole, for the document's metadata. */
    static List<Property> reportProperties(ReportFacts facts) {
        List<Property> properties = new ArrayList<>();
        properties.add(property("bulwark:verdict", facts.verdictLine()));
        facts.report().verdict().ifPresent(verdict -> properties.add(property("bulwark:verdict:result", verdict.word())));
        facts.reasons().forEach(reason -> properties.add(property("bulwark:verdict:reason", reasonLine(reason))));
        facts.expiredExceptions().forEach(exception ->
                properties.add(property("bulwark:expired-exception", ReportFacts.expiredLine(exception))));
        facts.report().database().ifPresent(database ->
                properties.add(property("bulwark:database", ReportFacts.databaseLine(database))));
        TextSummary.remediationLines(facts.report().remediation()).forEach(line ->
                properties.add(property("bulwark:remediation", line)));
        return properties;
    }

    private static String reasonLine(Reason reason) {
        return (reason.action() == Action.FAIL ? "fail" : "warn") + " " + reason.rule() + ": " + reason.subject()
                + ": " + reason.why();
    }
}
