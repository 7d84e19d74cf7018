package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.PurlPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CycloneDX VEX (JSON, specification 1.4 to 1.6: {@code "bomFormat": "CycloneDX"} with
 * {@code vulnerabilities[]}). Each vulnerability with an {@code analysis.state} becomes one {@link VexStatement}
 * per ID: its {@code id} and each {@code references[].id}.
 *
 * <p>States map onto VEX statuses: {@code resolved} and {@code resolved_with_pedigree} are fixed,
 * {@code exploitable} is affected, {@code in_triage} is under investigation, {@code not_affected} and
 * {@code false_positive} are not affected. The justification is {@code analysis.justification},
 * {@code analysis.detail}, or both ({@code label: detail}).
 *
 * <p>A vulnerability without an analysis state reports a vulnerability but states nothing about it (a BOM can
 * carry both), so it is skipped; skipping never hides a finding. Which packages an entry is about is resolved by
 * {@link CycloneDxRefs} and narrowed by {@link AffectedVersions}; an entry without {@code affects} is about the
 * whole image.
 */
final class CycloneDxVexReader implements VexReader {

    private static final Map<String, VexStatus> STATES = Map.of(
            "resolved", VexStatus.FIXED,
            "resolved_with_pedigree", VexStatus.FIXED,
            "exploitable", VexStatus.AFFECTED,
            "in_triage", VexStatus.UNDER_INVESTIGATION,
            "false_positive", VexStatus.NOT_AFFECTED,
            "not_affected", VexStatus.NOT_AFFECTED);

    private static final String STATE_CHOICES =
            "resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected";

    private static final Set<String> JUSTIFICATIONS = Set.of("code_not_present", "code_not_reachable",
            "requires_configuration", "requires_dependency", "requires_environment", "protected_by_compiler",
            "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control");

    private static final String JUSTIFICATION_CHOICES = "code_not_present, code_not_reachable,"
            + " requires_configuration, requires_dependency, requires_environment, protected_by_compiler,"
            + " protected_at_runtime, protected_at_perimeter, protected_by_mitigating_control";

    @Override
    public String expectation() {
        return "CycloneDX VEX (\"bomFormat\": \"CycloneDX\" with a \"vulnerabilities\" array)";
    }

    @Override
    public boolean accepts(VexFile document) {
        return "CycloneDX".equals(document.root().path("bomFormat").asText());
    }

    @Override
    public List<VexStatement> read(VexFile document) {
        JsonAt bom = document.top();
        if (!bom.node().path("vulnerabilities").isArray()) {
            throw bom.problem("is a CycloneDX BOM without a \"vulnerabilities\" array, so it states nothing about"
                    + " vulnerabilities; CycloneDX VEX lists them as \"vulnerabilities\": [{\"id\": \"CVE-…\","
                    + " \"analysis\": {\"state\": …}, \"affects\": [{\"ref\": …}]}]");
        }
        CycloneDxRefs refs = CycloneDxRefs.of(bom);
        String serialNumber = bom.text("serialNumber").orElse("");
        List<VexStatement> statements = new ArrayList<>();
        for (JsonAt vulnerability : bom.items("vulnerabilities")) {
            if (!vulnerability.node().isObject()) {
                throw vulnerability.problem("must be an object with \"id\", \"analysis\" and \"affects\"");
            }
            String source = document.source(serialNumber, vulnerability.location());
            if (vulnerability.child("analysis").node().isObject() && vulnerability.child("analysis").has("state")) {
                statements.addAll(draft(vulnerability, refs, source).statements());
            } else {
                ids(vulnerability); // even an entry that states nothing must name its vulnerability
            }
        }
        return statements;
    }

    private static StatementDraft draft(JsonAt vulnerability, CycloneDxRefs refs, String source) {
        JsonAt analysis = vulnerability.child("analysis");
        return new StatementDraft(ids(vulnerability), products(vulnerability, refs), status(analysis),
                justification(analysis), source);
    }

    private static List<String> ids(JsonAt vulnerability) {
        String id = vulnerability.text("id").orElseThrow(() -> vulnerability.problem("has no vulnerability \"id\";"
                + " give its ID, as in \"id\": \"CVE-2023-5678\""));
        List<String> ids = new ArrayList<>(List.of(id));
        for (JsonAt reference : vulnerability.items("references")) {
            ids.add(reference.text("id").orElseThrow(() -> reference.problem("has no \"id\"; a reference names"
                    + " the same vulnerability in another database, as in {\"id\": \"GHSA-…\", \"source\": {…}}")));
        }
        return ids;
    }

    private static List<PurlPattern> products(JsonAt vulnerability, CycloneDxRefs refs) {
        LinkedHashSet<PurlPattern> patterns = new LinkedHashSet<>();
        for (JsonAt affect : vulnerability.items("affects")) {
            List<PurlPattern> resolved = AffectedVersions.narrow(refs.resolve(affect), affect);
            if (resolved.isEmpty()) {
                return List.of();
            }
            patterns.addAll(resolved);
        }
        return List.copyOf(patterns);
    }

    private static VexStatus status(JsonAt analysis) {
        String state = analysis.text("state").orElse("");
        VexStatus status = STATES.get(state);
        if (status == null) {
            throw analysis.problemAt("state", "unknown analysis state \"" + state + "\"; use one of " + STATE_CHOICES);
        }
        return status;
    }

    private static String justification(JsonAt analysis) {
        String label = analysis.text("justification").orElse("");
        String detail = analysis.text("detail").orElse("");
        if (!label.isEmpty() && !JUSTIFICATIONS.contains(label)) {
            throw analysis.problemAt("justification", "unknown justification \"" + label + "\"; use one of "
                    + JUSTIFICATION_CHOICES);
        }
        return StatementDraft.reason(label, detail);
    }
}
