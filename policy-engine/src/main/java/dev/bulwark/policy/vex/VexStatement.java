package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.PurlPattern;
import dev.bulwark.policy.vuln.Finding;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a VEX document: the status of a vulnerability in some products.
 *
 * @param vulnerability the vulnerability ID the statement is about (CVE, GHSA, …)
 * @param products      the packages it applies to; empty means every package
 * @param status        the stated status
 * @param justification why (for not_affected: the justification, or the impact statement)
 * @param source        where the statement came from (document path and its ID), for reports
 */
public record VexStatement(String vulnerability, List<PurlPattern> products, VexStatus status, String justification,
                           String source) {

    public VexStatement {
        if (vulnerability == null || vulnerability.isBlank()) {
            throw new IllegalArgumentException("a VEX statement needs a vulnerability ID");
        }
        products = List.copyOf(Objects.requireNonNullElse(products, List.of()));
        Objects.requireNonNull(status, "status");
        justification = Objects.requireNonNullElse(justification, "");
        source = Objects.requireNonNullElse(source, "");
    }

    /** Whether the statement is about this finding: its vulnerability (or an alias) in one of its products. */
    public boolean isAbout(Finding finding) {
        return finding.isKnownAs(vulnerability)
                && (products.isEmpty() || products.stream().anyMatch(product -> product.matches(finding.pkg())));
    }

    /** Whether the statement takes the finding out of the verdict: not affected, or fixed. */
    public boolean suppresses() {
        return status == VexStatus.NOT_AFFECTED || status == VexStatus.FIXED;
    }
}
