package dev.bulwark.scanner.match;

import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Objects;

/**
 * A vulnerability found in a package of the image, with what reports show about it beyond the finding the
 * gate judges.
 *
 * @param finding        what the policy engine judges: IDs, package, severity, CVSS, fixed version
 * @param pkg            the package in the image (with its layer and path)
 * @param title          a one-line summary of the vulnerability
 * @param severitySource where the severity came from: {@code CVSS_V3 vector}, {@code database_specific}, …
 * @param references     advisory and fix links
 * @param dataSource     the advisory database the record came from ({@code GitHub Advisory Database}, {@code PyPA}, …)
 */
public record Match(Finding finding, Package pkg, String title, String severitySource, List<String> references,
                    String dataSource) {

    public Match {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(pkg, "pkg");
        title = Objects.requireNonNullElse(title, "");
        severitySource = Objects.requireNonNullElse(severitySource, "");
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
        dataSource = Objects.requireNonNullElse(dataSource, "");
    }
}
