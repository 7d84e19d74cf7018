package dev.bulwark.notify.slack;

import static dev.bulwark.notify.slack.Blocks.escape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the Slack message for a gate run: what was judged, the verdict, how many findings of each severity,
 * the worst blocking ones with the upgrade that fixes each, other broken rules, and the build. Long lists are
 * cut with a count of what was left out, so the message stays far inside Slack's 50 blocks.
 */
final class GateOutcomeMessage {

    /** Findings shown one block each; the rest are counted. */
    static final int MAX_LISTED_FINDINGS = 10;
    static final int MAX_LISTED_RULES = 10;

    private static final Comparator<FindingAdvice> WORST_FIRST = Comparator
            .comparing((FindingAdvice advice) -> advice.finding().severity()).reversed()
            .thenComparing(advice -> -advice.finding().cvssScore().orElse(0.0))
            .thenComparing(advice -> advice.finding().vulnerabilityId());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private GateOutcomeMessage() {
    }

    static SlackMessage compose(GateOutcome outcome) {
        ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
        blocks.add(Blocks.header(emoji(outcome.verdict()) + " " + headline(outcome)));
        blocks.add(Blocks.section(summary(outcome)));
        List<FindingAdvice> listed = listed(outcome);
        if (!listed.isEmpty()) {
            blocks.add(Blocks.divider());
            blocks.add(Blocks.section(blocking(outcome).isEmpty() ? "*Findings to look at*" : "*Blocking findings*, worst first"));
            listed.stream().limit(MAX_LISTED_FINDINGS).forEach(advice -> blocks.add(Blocks.section(finding(advice))));
            if (listed.size() > MAX_LISTED_FINDINGS) {
                blocks.add(Blocks.context("…and " + (listed.size() - MAX_LISTED_FINDINGS) + " more: see the build's report"));
            }
        }
        List<Reason> rules = otherRules(outcome);
        if (!rules.isEmpty()) {
            blocks.add(Blocks.section(rules(rules)));
        }
        blocks.add(Blocks.context(footer(outcome)));
        return new SlackMessage(Blocks.truncate(fallback(outcome), SlackMessage.MAX_TEXT), blocks);
    }

    private static String headline(GateOutcome outcome) {
        String result = outcome.verdict().match(pass -> "passed", warn -> "passed with warnings", fail -> "failed");
        return outcome.imageReference() + " " + result + " the " + outcome.stage() + " gate";
    }

    private static String emoji(Verdict verdict) {
        return verdict.match(pass -> ":white_check_mark:", warn -> ":warning:", fail -> ":no_entry:");
    }

    private static String summary(GateOutcome outcome) {
        StringBuilder text = new StringBuilder("*Image* `").append(escape(outcome.imageReference())).append('`');
        if (!outcome.digest().isEmpty()) {
            text.append("\n*Digest* `").append(escape(outcome.digest())).append('`');
        }
        text.append("\n*Stage* ").append(escape(outcome.stage()));
        if (!outcome.policyName().isEmpty()) {
            text.append("  ·  *Policy* ").append(escape(outcome.policyName()));
        }
        text.append("\n*Verdict* ").append(outcome.verdict().word());
        text.append("\n*Findings* ").append(counts(outcome.findings()));
        int blocking = blocking(outcome).size();
        if (blocking > 0) {
            text.append(" — ").append(blocking).append(" blocking");
        }
        return text.toString();
    }

    /** {@code 2 critical · 5 high · 1 medium}, worst first, or {@code none}. */
    static String counts(List<FindingAdvice> findings) {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        findings.forEach(advice -> bySeverity.merge(advice.finding().severity(), 1L, Long::sum));
        if (bySeverity.isEmpty()) {
            return "none";
        }
        return bySeverity.entrySet().stream()
                .sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
                .map(entry -> entry.getValue() + " " + entry.getKey().word())
                .collect(Collectors.joining(" · "));
    }

    private static List<FindingAdvice> blocking(GateOutcome outcome) {
        return outcome.findings().stream().filter(FindingAdvice::blocking).toList();
    }

    /** The blocking findings; when nothing blocks (a warning), the findings that count. */
    private static List<FindingAdvice> listed(GateOutcome outcome) {
        List<FindingAdvice> blocking = blocking(outcome);
        return (blocking.isEmpty() ? outcome.findings() : blocking).stream().sorted(WORST_FIRST).toList();
    }

    private static String finding(FindingAdvice advice) {
        Finding finding = advice.finding();
        String id = advice.references().isEmpty() ? escape(finding.vulnerabilityId())
                : Blocks.link(advice.references().get(0), finding.vulnerabilityId());
        StringBuilder text = new StringBuilder("*").append(id).append("* · ").append(finding.severity().word());
        finding.cvssScore().ifPresent(score -> text.append(" (").append(score).append(')'));
        text.append(" · `").append(escape(finding.pkg().toString())).append('`');
        if (!advice.title().isBlank()) {
            text.append('\n').append(escape(Blocks.truncate(advice.title().strip(), 300)));
        }
        text.append("\n:point_right: ").append(escape(whatToDo(advice)));
        return text.toString();
    }

    /** The advice as given, or what the finding itself says: the upgrade, or that none exists yet. */
    static String whatToDo(FindingAdvice advice) {
        if (!advice.advice().isBlank()) {
            return advice.advice().strip();
        }
        Finding finding = advice.finding();
        if (!finding.isFixable()) {
            return "no fixed version of " + Ecosystem.displayName(finding.pkg()) + " yet";
        }
        String from = finding.pkg().version().isEmpty() ? "" : " from " + finding.pkg().version();
        return "upgrade " + Ecosystem.displayName(finding.pkg()) + from + " to " + finding.fixedVersion();
    }

    /** Broken rules that are not about a listed finding: root user, missing labels, banned packages… */
    private static List<Reason> otherRules(GateOutcome outcome) {
        Set<String> findingSubjects = outcome.findings().stream().map(advice -> advice.finding().subject()).collect(Collectors.toSet());
        return outcome.verdict().judgement().reasons().stream()
                .filter(reason -> !findingSubjects.contains(reason.subject())).toList();
    }

    private static String rules(List<Reason> rules) {
        StringBuilder text = new StringBuilder("*Rules broken*");
        rules.stream().limit(MAX_LISTED_RULES).forEach(reason -> text.append("\n• `").append(escape(reason.rule()))
                .append("` (").append(reason.action().word()).append("): ")
                .append(escape(reason.why())));
        if (rules.size() > MAX_LISTED_RULES) {
            text.append("\n…and ").append(rules.size() - MAX_LISTED_RULES).append(" more");
        }
        return text.toString();
    }

    private static String footer(GateOutcome outcome) {
        String build = outcome.buildUrl().map(url -> Blocks.link(url.toString(), "Open the build") + " · ").orElse("");
        return build + "Bulwark · " + WHEN.format(outcome.at());
    }

    private static String fallback(GateOutcome outcome) {
        StringBuilder text = new StringBuilder(emoji(outcome.verdict())).append(' ').append(escape(headline(outcome)));
        int blocking = blocking(outcome).size();
        text.append(blocking > 0 ? ": " + blocking + " blocking finding" + (blocking == 1 ? "" : "s") : "")
                .append(" (").append(counts(outcome.findings())).append(')');
        outcome.buildUrl().ifPresent(url -> text.append(" ").append(Blocks.link(url.toString(), "build")));
        return text.toString();
    }
}
