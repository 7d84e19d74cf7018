package dev.bulwark.scanner.report;

import java.util.List;

/**
 * What to upgrade: the smallest set of package upgrades (to fixed versions) that turns the verdict to pass,
 * and what no upgrade can fix.
 *
 * @param upgrades     the upgrades, one per package
 * @param reachesPass  whether making all of them turns the verdict to pass
 * @param unfixable    blocking problems no upgrade fixes (no fixed version yet, image rules, denied packages)
 */
public record Remediation(List<Upgrade> upgrades, boolean reachesPass, List<String> unfixable) {

    public Remediation {
        upgrades = List.copyOf(upgrades);
        unfixable = List.copyOf(unfixable);
    }

    public static Remediation none() {
        return new Remediation(List.of(), true, List.of());
    }
}
