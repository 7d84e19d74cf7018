package dev.bulwark.scanner.gate;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.version.VersionScheme;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.match.Match;
import dev.bulwark.scanner.report.Remediation;
import dev.bulwark.scanner.report.Upgrade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The smallest set of package upgrades that removes every finding the verdict rests on: each package that
 * carries such a finding is upgraded once, to the lowest version that fixes all of its findings that must go.
 * Findings without a fixed version, and rules no upgrade can satisfy (image configuration, denied packages,
 * a stale database), are listed as unfixable.
 */
final class RemediationPlanner {

    private RemediationPlanner() {
    }

    /**
     * @param matches  the findings that count (not suppressed)
     * @param reasons  why the verdict is not pass; empty without a policy, when every finding counts
     * @param withPolicy whether a policy judged the image (else every fixable finding is to be upgraded)
     * @param passesWithout whether the verdict turns to pass once the given findings are gone
     */
    static Remediation plan(List<Match> matches, List<Reason> reasons, boolean withPolicy, Predicate<Set<Finding>> passesWithout) {
        Set<String> blockingSubjects = new LinkedHashSet<>();
        List<String> unfixable = new ArrayList<>();
        Set<String> findingSubjects = new HashSet<>();
        Map<Package, List<Match>> byPackage = new HashMap<>();
        for (Match match : matches) {
            findingSubjects.add(match.finding().subject());
            byPackage.computeIfAbsent(match.pkg(), pkg -> new ArrayList<>()).add(match);
        }
        for (Reason reason : reasons) {
            if (findingSubjects.contains(reason.subject())) {
                blockingSubjects.add(reason.subject());
            } else {
                unfixable.add(reason.rule() + ": " + reason.subject() + " " + reason.why());
            }
        }
        Map<Package, List<Match>> needed = new LinkedHashMap<>();
        for (Match match : matches) {
            if (withPolicy && !blockingSubjects.contains(match.finding().subject())) {
                continue;
            }
            if (!match.finding().isFixable()) {
                unfixable.add(match.finding().subject() + ": no fixed version yet");
                continue;
            }
            needed.computeIfAbsent(match.pkg(), pkg -> new ArrayList<>()).add(match);
        }
        List<Upgrade> upgrades = new ArrayList<>();
        Set<Finding> removed = new LinkedHashSet<>();
        for (Map.Entry<Package, List<Match>> entry : needed.entrySet()) {
            Upgrade upgrade = upgrade(entry.getKey(), entry.getValue());
            upgrades.add(upgrade);
            fixedBy(upgrade, byPackage.get(upgrade.pkg())).forEach(removed::add);
        }
        List<String> distinctUnfixable = List.copyOf(new LinkedHashSet<>(unfixable));
        boolean reachesPass = distinctUnfixable.isEmpty() && passesWithout.test(removed);
        return new Remediation(upgrades, reachesPass, distinctUnfixable);
    }

    private static Upgrade upgrade(Package pkg, List<Match> matches) {
        VersionScheme scheme = scheme(pkg);
        String target = "";
        List<String> fixes = new ArrayList<>();
        for (Match match : matches) {
            String fixed = match.finding().fixedVersion();
            if (target.isEmpty() || scheme.compare(fixed, target) > 0) {
                target = fixed;
            }
            fixes.add(match.finding().vulnerabilityId());
        }
        return new Upgrade(pkg, target, fixes);
    }

    /** Every finding of the package (needed or not) that the upgrade also removes; {@code matches} are the package's. */
    private static List<Finding> fixedBy(Upgrade upgrade, List<Match> matches) {
        VersionScheme scheme = scheme(upgrade.pkg());
        return matches.stream().filter(m -> m.finding().isFixable()
                        && scheme.compare(m.finding().fixedVersion(), upgrade.toVersion()) <= 0)
                .map(Match::finding).toList();
    }

    static VersionScheme scheme(Package pkg) {
        return pkg.ecosystem().scheme();
    }
}
