package dev.bulwark.scanner.report;

import static dev.bulwark.scanner.report.JsonNodes.JSON;
import static dev.bulwark.scanner.report.JsonNodes.putNullable;
import static dev.bulwark.scanner.report.JsonNodes.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.ScanReport.SuppressedMatch;

/**
 * Bulwark's JSON layout, version {@value ScanReport#JSON_SCHEMA_VERSION}: documented field by field in
 * {@code docs/report-json.md}, with a JSON Schema in {@code docs/report-json.schema.json}. Values that may be
 * absent are always present as {@code null}, so consumers need not test for missing keys.
 */
final class JsonReportWriter implements ReportWriter {

    @Override
    public String write(ScanReport report) {
        ReportFacts facts = ReportFacts.of(report);
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", ScanReport.JSON_SCHEMA_VERSION);
        root.put("bulwarkVersion", report.bulwarkVersion());
        root.put("createdAt", report.createdAt().toString());
        root.set("image", JsonNodes.image(report.image()));
        root.set("verdict", report.verdict().<JsonNode>map(verdict -> JsonNodes.verdict(verdict, facts))
                .orElse(NullNode.getInstance()));
        root.set("summary", summary(facts));
        ArrayNode matches = root.putArray("matches");
        facts.matches().forEach(match -> matches.add(match(match, facts)));
        ArrayNode suppressed = root.putArray("suppressed");
        facts.suppressed().forEach(entry -> suppressed.add(suppressed(entry, facts)));
        root.set("remediation", JsonNodes.remediation(report.remediation()));
        root.set("database", report.database().<JsonNode>map(JsonNodes::database).orElse(NullNode.getInstance()));
        root.set("notAnalysed", JsonNodes.failures(report.image().inventory().failures()));
        return JsonNodes.pretty(root, "JSON report for " + report.image().image().name());
    }

    private static ObjectNode summary(ReportFacts facts) {
        ObjectNode node = JSON.createObjectNode();
        node.put("counted", facts.matches().size());
        ObjectNode bySeverity = node.putObject("bySeverity");
        facts.counts().forEach((severity, count) -> bySeverity.put(severity.word(), count));
        node.put("suppressed", facts.suppressed().size());
        node.put("notAnalysed", facts.report().image().inventory().failures().size());
        putNullable(node, "verdict", facts.report().verdict().map(Verdict::word).orElse(null));
        return node;
    }

    private static ObjectNode match(Match match, ReportFacts facts) {
        Finding finding = match.finding();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", finding.vulnerabilityId());
        strings(node.putArray("aliases"), finding.aliases().stream().sorted().toList());
        node.set("package", JsonNodes.pkg(match.pkg()));
        node.put("severity", finding.severity().word());
        node.put("severitySource", match.severitySource());
        if (finding.cvssScore().isPresent()) {
            node.put("cvssScore", finding.cvssScore().getAsDouble());
        } else {
            node.putNull("cvssScore");
        }
        putNullable(node, "fixedVersion", finding.isFixable() ? finding.fixedVersion() : null);
        node.put("title", match.title());
        strings(node.putArray("references"), match.references());
        node.put("dataSource", match.dataSource());
        putNullable(node, "published", finding.published().map(Object::toString).orElse(null));
        putNullable(node, "gate", facts.gate(match).map(Action::word).orElse(null));
        node.put("remedy", facts.remedy(match));
        return node;
    }

    private static ObjectNode suppressed(SuppressedMatch entry, ReportFacts facts) {
        ObjectNode node = JSON.createObjectNode();
        node.put("by", entry.by());
        node.put("reason", entry.reason());
        node.set("match", match(entry.match(), facts));
        return node;
    }
}
