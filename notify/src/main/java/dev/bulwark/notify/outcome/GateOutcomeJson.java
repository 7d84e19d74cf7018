package dev.bulwark.notify.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.policy.gate.Judgement;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A gate outcome as the outbox keeps it until Jira takes it: the repository, stage, build and findings with
 * their advice. The verdict is kept by its word only; ticket sync never reads its reasons.
 */
public final class GateOutcomeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GateOutcomeJson() {
    }

    /** The outcome as the JSON text the outbox stores. */
    public static String write(GateOutcome outcome) {
        ObjectNode root = JSON.createObjectNode();
        root.put("imageRepository", outcome.imageRepository());
        root.put("imageReference", outcome.imageReference());
        root.put("digest", outcome.digest());
        root.put("stage", outcome.stage());
        root.put("policyName", outcome.policyName());
        root.put("verdict", outcome.verdict().word());
        outcome.buildUrl().ifPresent(url -> root.put("buildUrl", url.toString()));
        root.put("at", outcome.at().toString());
        ArrayNode findings = root.putArray("findings");
        for (FindingAdvice advice : outcome.findings()) {
            ObjectNode node = findings.addObject();
            Finding finding = advice.finding();
            node.put("id", finding.vulnerabilityId());
            finding.aliases().forEach(node.withArray("aliases")::add);
            node.put("purl", finding.pkg().toString());
            node.put("path", finding.path());
            node.put("severity", finding.severity().word());
            finding.cvssScore().ifPresent(score -> node.put("cvss", score));
            node.put("fixedVersion", finding.fixedVersion());
            finding.published().ifPresent(published -> node.put("published", published.toString()));
            node.put("title", advice.title());
            node.put("advice", advice.advice());
            node.put("blocking", advice.blocking());
            advice.references().forEach(node.withArray("references")::add);
        }
        return root.toString();
    }

    /** The outcome an earlier {@link #write(GateOutcome)} stored. */
    public static GateOutcome read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an outbox message is not a gate outcome: " + e.getMessage(), e);
        }
        String stage = root.path("stage").asText();
        Judgement judgement = new Judgement(stage, List.of(), List.of(), List.of());
        Verdict verdict = switch (root.path("verdict").asText()) {
            case "fail" -> new Verdict.Fail(judgement);
            case "warn" -> new Verdict.Warn(judgement);
            default -> new Verdict.Pass(judgement);
        };
        List<FindingAdvice> findings = new ArrayList<>();
        for (JsonNode node : root.path("findings")) {
            findings.add(advice(node));
        }
        return new GateOutcome(root.path("imageRepository").asText(), root.path("imageReference").asText(),
                root.path("digest").asText(), stage, root.path("policyName").asText(), verdict, findings,
                root.hasNonNull("buildUrl") ? Optional.of(URI.create(root.get("buildUrl").asText())) : Optional.empty(),
                Instant.parse(root.path("at").asText()));
    }

    private static FindingAdvice advice(JsonNode node) {
        Set<String> aliases = new LinkedHashSet<>();
        node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        List<String> references = new ArrayList<>();
        node.path("references").forEach(reference -> references.add(reference.asText()));
        Finding finding = new Finding(node.path("id").asText(), aliases, Purl.parse(node.path("purl").asText()),
                node.path("path").asText(), Severity.parse(node.path("severity").asText("unknown")),
                node.has("cvss") ? OptionalDouble.of(node.get("cvss").asDouble()) : OptionalDouble.empty(),
                node.path("fixedVersion").asText(""),
                node.hasNonNull("published") ? Optional.of(Instant.parse(node.get("published").asText())) : Optional.empty());
        return new FindingAdvice(finding, node.path("title").asText(), node.path("advice").asText(),
                node.path("blocking").asBoolean(), references);
    }
}
