package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.version.InvalidVersionException;
import dev.bulwark.policy.version.VersionScheme;
import dev.bulwark.policy.version.VersionSchemes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one version a finding names as its fix, from Trivy's {@code FixedVersion}.
 *
 * <p>For language packages Trivy joins the first patched version of every patched branch of an advisory with
 * {@code ", "}, in the advisory's order: {@code "1.5.13, 1.3.15"} for logback-core, whose 1.3 and 1.5 lines were
 * both patched. Neither the first listed nor the smallest is right in general (for 1.2.13 installed, the first is a
 * major upgrade; for 2.10.1 installed, {@code "2.9.10.8, 2.10.5"}'s smallest is older than what is installed). The
 * fix is the smallest listed version above the installed one, ordered by the package ecosystem's own scheme, which
 * is what {@link dev.bulwark.policy.vuln.Finding#fixedVersion()} promises: the first version that fixes it. When no
 * listed version orders above the installed one, or the versions cannot be ordered, the first listed is kept, as
 * Trivy's own table shows it first.
 */
final class FixedVersions {

    private FixedVersions() {
    }

    /**
     * The fixed version of a package.
     *
     * @param fixedVersion Trivy's {@code FixedVersion}: empty, one version, or several joined by commas
     * @param installed    the installed version
     * @param purlType     the package's purl type, which chooses the version order
     * @return the first version that fixes the vulnerability, or empty when there is none
     */
    static String choose(String fixedVersion, String installed, String purlType) {
        List<String> listed = Arrays.stream(fixedVersion.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (listed.size() <= 1) {
            return listed.isEmpty() ? "" : listed.get(0);
        }
        VersionScheme scheme = Ecosystem.ofPurlType(purlType).map(Ecosystem::scheme).orElse(VersionSchemes.GENERIC);
        return smallestAbove(listed, installed, scheme).orElse(listed.get(0));
    }

    private static Optional<String> smallestAbove(List<String> listed, String installed, VersionScheme scheme) {
        try {
            return listed.stream().filter(version -> scheme.compare(version, installed) > 0).min(scheme.comparator());
        } catch (InvalidVersionException unordered) {
            // Versions this ecosystem cannot order give no smallest; the caller keeps Trivy's first.
            return Optional.empty();
        }
    }
}
