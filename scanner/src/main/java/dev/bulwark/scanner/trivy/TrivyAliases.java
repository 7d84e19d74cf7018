package dev.bulwark.scanner.trivy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other ID of a vulnerability, when a Trivy report makes the CVE/GHSA pair explicit.
 *
 * <p>Trivy reports one ID per vulnerability and no aliases. Its {@code References} do link the advisory pages,
 * though: a CVE's list holds {@code https://github.com/advisories/GHSA-…} when GitHub reviewed it, and a GHSA's
 * holds {@code https://nvd.nist.gov/vuln/detail/CVE-…}. Exactly one such link is taken as the alias, so that a
 * policy exception or VEX statement written against either ID applies. Two or more are left alone: a reference list
 * that links several advisories does not say which one is this vulnerability.
 */
final class TrivyAliases {

    private static final Pattern GHSA_LINK = Pattern.compile(
            "https?://github\\.com/(?:[^/]+/[^/]+/security/)?advisories/(GHSA(?:-[0-9a-z]{4}){3})/?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CVE_LINK = Pattern.compile(
            "https?://nvd\\.nist\\.gov/vuln/detail/(CVE-[0-9]{4}-[0-9]{4,})/?", Pattern.CASE_INSENSITIVE);

    private TrivyAliases() {
    }

    static Set<String> of(String vulnerabilityId, List<String> references) {
        String id = vulnerabilityId.toUpperCase(Locale.ROOT);
        Pattern link = id.startsWith("CVE-") ? GHSA_LINK : id.startsWith("GHSA-") ? CVE_LINK : null;
        if (link == null) {
            return Set.of();
        }
        Set<String> linked = new TreeSet<>();
        for (String reference : references) {
            Matcher matcher = link.matcher(reference.strip());
            if (matcher.matches()) {
                linked.add(canonical(matcher.group(1)));
            }
        }
        linked.removeIf(other -> other.equalsIgnoreCase(vulnerabilityId));
        return linked.size() == 1 ? Set.copyOf(linked) : Set.of();
    }

    /** {@code GHSA-} upper case and its code lower case, as GitHub writes it; CVE IDs upper case. */
    private static String canonical(String id) {
        String upper = id.toUpperCase(Locale.ROOT);
        return upper.startsWith("GHSA-") ? "GHSA-" + id.substring(5).toLowerCase(Locale.ROOT) : upper;
    }
}
