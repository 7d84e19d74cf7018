package dev.bulwark.scanner.report;

import static dev.bulwark.scanner.report.JsonNodes.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;
import java.util.Optional;

/**
 * SARIF 2.1.0, one run. Each vulnerability is a rule (with a {@code security-severity} for code-scanning
 * dashboards); each finding a result located at the file it was found in. The level follows the gate:
 * {@code error} when a failing rule names the finding, {@code warning} when a warning one does, {@code note}
 * otherwise. Suppressed findings are results with an external suppression; policy reasons about the image or a
 * package are results of a rule named {@code bulwark/RULE}. Files that could not be analysed, and a stale
 * database, are tool execution notifications; the verdict, remediation and database are in the run's properties.
 */
final class SarifReportWriter implements ReportWriter {

    private static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    @Override
    public String write(ScanReport report) {
        ReportFacts facts = ReportFacts.of(report);
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "bulwark");
        driver.put("version", report.bulwarkVersion());
        SarifRules rules = new SarifRules(driver.putArray("rules"));
        run.putArray("invocations").add(invocation(facts));
        ArrayNode results = run.putArray("results");
        for (Match match : facts.matches()) {
            results.add(result(match, facts, rules, Optional.empty()));
        }
        for (SuppressedMatch entry : facts.suppressed()) {
            results.add(result(entry.match(), facts, rules, Optional.of(entry)));
        }
        for (Reason reason : facts.otherReasons()) {
            results.add(policyResult(reason, facts, rules));
        }
        run.set("properties", properties(facts));
        return JsonNodes.pretty(root, "SARIF report for " + report.image().image().name());
    }

    private static ObjectNode result(Match match, ReportFacts facts, SarifRules rules, Optional<SuppressedMatch> suppressed) {
        ObjectNode result = JSON.createObjectNode();
        result.put("ruleId", match.finding().vulnerabilityId());
        result.put("ruleIndex", rules.indexOf(match));
        result.put("level", level(facts.gate(match)));
        result.putObject("message").put("text", message(match, facts, suppressed));
        result.putArray("locations").add(location(match.pkg()));
        suppressed.ifPresent(entry -> result.putArray("suppressions").addObject()
                .put("kind", "external").put("justification", entry.by() + ": " + entry.reason()));
        ObjectNode properties = result.putObject("properties");
        properties.put("purl", match.pkg().purl().toString());
        properties.put("installedVersion", match.pkg().version());
        properties.put("fixedVersion", match.finding().fixedVersion());
        properties.put("layer", match.pkg().layer());
        properties.put("severity", match.finding().severity().word());
        properties.put("severitySource", match.severitySource());
        match.finding().cvssScore().ifPresent(score -> properties.put("cvssScore", score));
        JsonNodes.strings(properties.putArray("aliases"), match.finding().aliases().stream().sorted().toList());
        return result;
    }

    private static String message(Match match, ReportFacts facts, Optional<SuppressedMatch> suppressed) {
        StringBuilder text = new StringBuilder(match.finding().vulnerabilityId()).append(" in ")
                .append(ReportFacts.nameAndVersion(match.pkg()));
        if (!match.title().isEmpty()) {
            text.append(": ").append(match.title());
        }
        text.append(". Severity ").append(match.finding().severity().word());
        match.finding().cvssScore().ifPresent(score -> text.append(", CVSS ").append(score));
        text.append(". ").append(facts.remedy(match));
        for (Reason reason : facts.reasonsAbout(match)) {
            text.append(' ').append(reason.action() == Action.FAIL ? "Fails" : "Warns").append(" the gate (")
                    .append(reason.rule()).append("): ").append(reason.why());
        }
        suppressed.ifPresent(entry -> text.append(" Suppressed by ").append(entry.by()).append(": ").append(entry.reason()));
        return text.toString();
    }

    private static ObjectNode policyResult(Reason reason, ReportFacts facts, SarifRules rules) {
        ObjectNode result = JSON.createObjectNode();
        result.put("ruleId", SarifRules.policyRuleId(reason));
        result.put("ruleIndex", rules.indexOf(reason));
        result.put("level", level(Optional.of(reason.action())));
        result.putObject("message").put("text", reason.subject() + ": " + reason.why());
        Optional<Package> pkg = facts.report().image().inventory().packages().stream()
                .filter(candidate -> candidate.purl().toString().equals(reason.subject())).findFirst();
        String image = facts.report().image().image().name();
        ObjectNode location = pkg.map(SarifReportWriter::location).orElseGet(() -> physical(image));
        location.withArray("logicalLocations").addObject().put("fullyQualifiedName", image).put("kind", "module");
        result.putArray("locations").add(location);
        return result;
    }

    private static String level(Optional<Action> gate) {
        return gate.map(action -> action == Action.FAIL ? "error" : "warning").orElse("note");
    }

    /**
     * Where the package was found: the file in the image, or for a package of unknown path its purl. Every location
     * has a physical location, because Jenkins' warnings-ng (and other readers) fail on a result without one.
     */
    private static ObjectNode location(Package pkg) {
        ObjectNode location = physical(pkg.path().isEmpty() ? pkg.purl().toString() : ImageUris.of(pkg.path()));
        location.putArray("logicalLocations").addObject().put("fullyQualifiedName", pkg.purl().toString()).put("kind", "module");
        return location;
    }

    private static ObjectNode physical(String uri) {
        ObjectNode location = JSON.createObjectNode();
        location.putObject("physicalLocation").putObject("artifactLocation").put("uri", uri);
        return location;
    }

    private static ObjectNode invocation(ReportFacts facts) {
        ObjectNode invocation = JSON.createObjectNode();
        invocation.put("executionSuccessful", true);
        invocation.put("endTimeUtc", facts.report().createdAt().toString());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (AnalyzerFailure failure : facts.report().image().inventory().failures()) {
            ObjectNode notification = notifications.addObject();
            notification.put("level", "warning");
            notification.putObject("message").put("text", "Not analysed: " + failure.path() + ": " + failure.reason());
            notification.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", ImageUris.of(failure.path()));
            notification.putObject("properties").put("analyzer", failure.analyzer());
        }
        facts.report().database().filter(DatabaseSummary::stale).ifPresent(database -> notifications.addObject()
                .put("level", database.staleOverridden() ? "warning" : "error")
                .putObject("message").put("text", "Vulnerability database " + ReportFacts.databaseLine(database)));
        return invocation;
    }

    private static ObjectNode properties(ReportFacts facts) {
        ObjectNode properties = JSON.createObjectNode();
        properties.set("image", JsonNodes.image(facts.report().image()));
        facts.report().verdict().ifPresent(verdict -> properties.set("verdict", JsonNodes.verdict(verdict, facts)));
        properties.set("remediation", JsonNodes.remediation(facts.report().remediation()));
        facts.report().database().ifPresent(database -> properties.set("database", JsonNodes.database(database)));
        properties.set("notAnalysed", JsonNodes.failures(facts.report().image().inventory().failures()));
        return properties;
    }
}
