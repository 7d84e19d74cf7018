package dev.bulwark.policy.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Reads OpenVEX documents (an {@code @context} starting with {@code https://openvex.dev/ns}): each of
 * {@code statements[]} becomes one {@link VexStatement} per vulnerability ID (its {@code name} and each of its
 * {@code aliases}); older documents whose {@code vulnerability} is a plain string are read too.
 *
 * <p>Which packages a statement is about follows {@link OpenVexProducts}: a product's {@code subcomponents},
 * else the product's own package purl; a product named by anything but a package purl (an image reference, a
 * {@code pkg:oci} purl, a CPE) stands for the whole image, and so does a statement without products.
 *
 * <p>As the specification requires, a {@code not_affected} statement must say why, with a
 * {@code justification} label or an {@code impact_statement}; the statement's justification is the label, the
 * impact statement, or both ({@code label: statement}).
 */
final class OpenVexReader implements VexReader {

    private static final String CONTEXT = "https://openvex.dev/ns";

    private static final Map<String, VexStatus> STATUSES = Map.of(
            "not_affected", VexStatus.NOT_AFFECTED,
            "affected", VexStatus.AFFECTED,
            "fixed", VexStatus.FIXED,
            "under_investigation", VexStatus.UNDER_INVESTIGATION);

    private static final String STATUS_CHOICES = "not_affected, affected, fixed, under_investigation";

    private static final Set<String> JUSTIFICATIONS = Set.of("component_not_present", "vulnerable_code_not_present",
            "vulnerable_code_not_in_execute_path", "vulnerable_code_cannot_be_controlled_by_adversary",
            "inline_mitigations_already_exist");

    private static final String JUSTIFICATION_CHOICES = "component_not_present, vulnerable_code_not_present,"
            + " vulnerable_code_not_in_execute_path, vulnerable_code_cannot_be_controlled_by_adversary,"
            + " inline_mitigations_already_exist";

    @Override
    public String expectation() {
        return "OpenVEX (an \"@context\" starting with " + CONTEXT + ")";
    }

    @Override
    public boolean accepts(VexFile document) {
        JsonNode context = document.root().path("@context");
        if (context.isArray()) {
            return StreamSupport.stream(context.spliterator(), false).anyMatch(OpenVexReader::isOpenVexContext);
        }
        return isOpenVexContext(context);
    }

    private static boolean isOpenVexContext(JsonNode context) {
        return context.isTextual() && context.asText().startsWith(CONTEXT);
    }

    @Override
    public List<VexStatement> read(VexFile document) {
        JsonAt top = document.top();
        if (!top.node().path("statements").isArray()) {
            throw top.problem("has no \"statements\" array; an OpenVEX document lists its statements as"
                    + " \"statements\": [{\"vulnerability\": {\"name\": \"CVE-…\"}, \"products\": […], \"status\": …}]");
        }
        String documentId = top.text("@id").orElse("");
        List<VexStatement> statements = new ArrayList<>();
        for (JsonAt statement : top.items("statements")) {
            statements.addAll(draft(statement, document.source(documentId, statement.location())).statements());
        }
        return statements;
    }

    private static StatementDraft draft(JsonAt statement, String source) {
        if (!statement.node().isObject()) {
            throw statement.problem("must be an object with \"vulnerability\", \"products\" and \"status\"");
        }
        VexStatus status = status(statement);
        return new StatementDraft(vulnerabilityIds(statement), OpenVexProducts.of(statement), status,
                justification(statement, status), source);
    }

    private static List<String> vulnerabilityIds(JsonAt statement) {
        JsonNode vulnerability = statement.node().path("vulnerability");
        if (vulnerability.isTextual() && !vulnerability.asText().isBlank()) {
            return List.of(vulnerability.asText().strip());
        }
        if (!vulnerability.isObject()) {
            throw statement.problem("has no vulnerability; name it as \"vulnerability\": {\"name\": \"CVE-…\","
                    + " \"aliases\": [\"GHSA-…\"]}");
        }
        JsonAt at = statement.child("vulnerability");
        String name = at.text("name").orElseThrow(() -> at.problem("has no \"name\"; give the vulnerability's main ID,"
                + " as in \"name\": \"CVE-2023-5678\""));
        List<String> ids = new ArrayList<>(List.of(name));
        for (JsonAt alias : at.items("aliases")) {
            if (!alias.node().isTextual() || alias.node().asText().isBlank()) {
                throw alias.problem("must be a vulnerability ID string, as in \"GHSA-jfh8-c2jp-5v3q\"");
            }
            ids.add(alias.node().asText().strip());
        }
        return ids;
    }

    private static VexStatus status(JsonAt statement) {
        String status = statement.text("status").orElseThrow(() -> statement.problem("has no \"status\"; use one of "
                + STATUS_CHOICES));
        VexStatus known = STATUSES.get(status);
        if (known == null) {
            throw statement.problemAt("status", "unknown status \"" + status + "\"; use one of "
                    + STATUS_CHOICES);
        }
        return known;
    }

    private static String justification(JsonAt statement, VexStatus status) {
        String label = statement.text("justification").orElse("");
        String impact = statement.text("impact_statement").orElse("");
        if (!label.isEmpty() && !JUSTIFICATIONS.contains(label)) {
            throw statement.problemAt("justification", "unknown justification \"" + label + "\"; use one of "
                    + JUSTIFICATION_CHOICES);
        }
        if (status == VexStatus.NOT_AFFECTED && label.isEmpty() && impact.isEmpty()) {
            throw statement.problem("says not_affected without saying why; OpenVEX requires a \"justification\" ("
                    + JUSTIFICATION_CHOICES + ") or an \"impact_statement\"");
        }
        return StatementDraft.reason(label, impact);
    }
}
