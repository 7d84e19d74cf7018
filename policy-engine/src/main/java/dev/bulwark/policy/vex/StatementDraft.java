package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.PurlPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One statement as a document states it, about a vulnerability known by several IDs. It becomes one
 * {@link VexStatement} per distinct ID, so that a finding known by any of them (its primary ID or an
 * alias) is matched even when the finding and the document list different aliases.
 */
record StatementDraft(List<String> vulnerabilityIds, List<PurlPattern> products, VexStatus status,
                      String justification, String source) {

    StatementDraft {
        vulnerabilityIds = List.copyOf(vulnerabilityIds);
        products = List.copyOf(products);
    }

    /** A justification from a machine-readable label and free text: either one, or both as {@code label: text}. */
    static String reason(String label, String text) {
        if (label.isEmpty() || text.isEmpty()) {
            return label.isEmpty() ? text : label;
        }
        return label + ": " + text;
    }

    List<VexStatement> statements() {
        Set<String> seen = new LinkedHashSet<>();
        List<VexStatement> statements = new ArrayList<>();
        for (String id : vulnerabilityIds) {
            if (seen.add(id.toUpperCase(Locale.ROOT))) {
                statements.add(new VexStatement(id, products, status, justification, source));
            }
        }
        return statements;
    }
}
