package dev.bulwark.scanner.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.gate.Verdict;
import dev.bulwark.policy.model.ExceptionRule;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.Package;
import java.util.Collection;
import java.util.List;

/**
 * The JSON objects the JSON report is made of, shared with the SARIF report's property bags so that both spell
 * the image, verdict, remediation and database alike. The layout is documented in {@code docs/report-json.md}.
 */
final class JsonNodes {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Two-space indents, one array element a line, {@code "key": value}, and {@code \n} on every platform. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("").withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonNodes() {
    }

    /** The document as pretty JSON text, ending with a line break. */
    static String pretty(JsonNode document, String what) {
        try {
            return JSON.writer(PRETTY).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the " + what, e);
        }
    }

    static ObjectNode image(ScannedImage scanned) {
        ResolvedImage image = scanned.image();
        ObjectNode node = JSON.createObjectNode();
        node.put("name", image.name());
        node.put("id", image.id());
        node.put("platform", image.config().os() + "/" + image.config().architecture());
        node.set("os", scanned.inventory().os().<JsonNode>map(release -> {
            ObjectNode os = JSON.createObjectNode();
            os.put("id", release.id());
            os.put("versionId", release.versionId());
            os.put("versionCodename", release.versionCodename());
            os.put("prettyName", release.prettyName());
            return os;
        }).orElse(NullNode.getInstance()));
        strings(node.putArray("layers"), image.config().diffIds());
        node.put("packages", scanned.inventory().packages().size());
        return node;
    }

    static ObjectNode verdict(Verdict verdict, ReportFacts facts) {
        ObjectNode node = JSON.createObjectNode();
        node.put("result", verdict.word());
        node.put("stage", verdict.judgement().stage());
        putNullable(node, "policy", facts.report().policyName().orElse(null));
        node.put("allowsPromotion", verdict.allowsPromotion());
        ArrayNode reasons = node.putArray("reasons");
        for (Reason reason : facts.reasons()) {
            ObjectNode reasonNode = reasons.addObject();
            reasonNode.put("rule", reason.rule());
            reasonNode.put("action", reason.action().word());
            reasonNode.put("subject", reason.subject());
            reasonNode.put("why", reason.why());
        }
        ArrayNode expired = node.putArray("expiredExceptions");
        facts.expiredExceptions().forEach(exception -> expired.add(exception(exception)));
        return node;
    }

    private static ObjectNode exception(ExceptionRule exception) {
        ObjectNode node = JSON.createObjectNode();
        putNullable(node, "vulnerability", exception.vulnerability());
        putNullable(node, "purl", exception.purl() == null ? null : exception.purl().toString());
        putNullable(node, "path", exception.path());
        strings(node.putArray("stages"), exception.stages());
        node.put("expires", exception.expires().toString());
        node.put("owner", exception.owner());
        node.put("reason", exception.reason());
        return node;
    }

    static ObjectNode pkg(Package pkg) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ecosystem", pkg.purl().type());
        node.put("name", pkg.name());
        node.put("version", pkg.version());
        node.put("purl", pkg.purl().toString());
        node.put("path", pkg.path());
        node.put("layer", pkg.layer());
        return node;
    }

    static ObjectNode remediation(Remediation remediation) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode upgrades = node.putArray("upgrades");
        for (Upgrade upgrade : remediation.upgrades()) {
            ObjectNode upgradeNode = upgrades.addObject();
            upgradeNode.set("package", pkg(upgrade.pkg()));
            upgradeNode.put("from", upgrade.pkg().version());
            upgradeNode.put("to", upgrade.toVersion());
            strings(upgradeNode.putArray("fixes"), upgrade.fixes());
        }
        node.put("reachesPass", remediation.reachesPass());
        strings(node.putArray("unfixable"), remediation.unfixable());
        return node;
    }

    static ObjectNode database(DatabaseSummary database) {
        ObjectNode node = JSON.createObjectNode();
        node.put("builtAt", database.builtAt().toString());
        putNullable(node, "newestModified", database.newestModified().map(Object::toString).orElse(null));
        strings(node.putArray("sources"), database.sources());
        node.put("advisories", database.advisories());
        node.put("stale", database.stale());
        node.put("staleOverridden", database.staleOverridden());
        return node;
    }

    static ArrayNode failures(List<AnalyzerFailure> failures) {
        ArrayNode array = JSON.createArrayNode();
        for (AnalyzerFailure failure : failures) {
            ObjectNode node = array.addObject();
            node.put("analyzer", failure.analyzer());
            node.put("path", failure.path());
            node.put("reason", failure.reason());
        }
        return array;
    }

    static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }
}
