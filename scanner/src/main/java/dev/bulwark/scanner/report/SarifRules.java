package dev.bulwark.scanner.report;

import static dev.bulwark.scanner.report.JsonNodes.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.vuln.Severity;
import dev.bulwark.scanner.match.Match;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the SARIF run, added the first time a result refers to one: a rule per vulnerability ID, and one
 * per policy rule that judged the image or a package rather than a finding.
 */
final class SarifRules {

    private final ArrayNode rules;
    private final Map<String, Integer> indexes = new HashMap<>();

    SarifRules(ArrayNode rules) {
        this.rules = rules;
    }

    /** The rule ID of a policy reason: {@code bulwark/deniedPackages}. */
    static String policyRuleId(Reason reason) {
        return "bulwark/" + reason.rule();
    }

    /** The index of the vulnerability's rule, adding the rule the first time. */
    int indexOf(Match match) {
        return indexes.computeIfAbsent(match.finding().vulnerabilityId(), id -> add(vulnerabilityRule(match)));
    }

    /** The index of the policy rule, adding it the first time. */
    int indexOf(Reason reason) {
        return indexes.computeIfAbsent(policyRuleId(reason), id -> {
            ObjectNode rule = JSON.createObjectNode();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", "Policy rule " + reason.rule());
            rule.putObject("properties").putArray("tags").add("security").add("policy");
            return add(rule);
        });
    }

    private int add(ObjectNode rule) {
        rules.add(rule);
        return rules.size() - 1;
    }

    private static ObjectNode vulnerabilityRule(Match match) {
        String id = match.finding().vulnerabilityId();
        ObjectNode rule = JSON.createObjectNode();
        rule.put("id", id);
        rule.putObject("shortDescription").put("text", match.title().isEmpty() ? id : match.title());
        webLink(match).ifPresent(uri -> rule.put("helpUri", uri));
        StringBuilder help = new StringBuilder(id).append(match.title().isEmpty() ? "" : ": " + match.title());
        if (!match.finding().aliases().isEmpty()) {
            help.append("\nAliases: ").append(String.join(", ", match.finding().aliases().stream().sorted().toList()));
        }
        match.references().forEach(reference -> help.append('\n').append(reference));
        rule.putObject("help").put("text", help.toString());
        ObjectNode properties = rule.putObject("properties");
        properties.put("security-severity", securitySeverity(match));
        properties.putArray("tags").add("security").add("vulnerability").add(match.finding().severity().word());
        return rule;
    }

    /**
     * The score code-scanning dashboards band by (9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low): the CVSS
     * base score when known, else a score inside the band of the severity.
     */
    static String securitySeverity(Match match) {
        double score = match.finding().cvssScore().orElse(bandScore(match.finding().severity()));
        return String.format(Locale.ROOT, "%.1f", score);
    }

    private static double bandScore(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 9.5;
            case HIGH -> 8.0;
            case MEDIUM -> 5.5;
            case LOW -> 2.0;
            case UNKNOWN -> 0.0;
        };
    }

    /** The first reference, when it is an absolute http(s) URL: SARIF's helpUri must be an absolute URI. */
    private static Optional<String> webLink(Match match) {
        return match.references().stream().findFirst().filter(ReportFacts::isWebUrl);
    }
}
