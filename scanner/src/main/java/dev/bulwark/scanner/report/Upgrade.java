package dev.bulwark.scanner.report;

import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Objects;

/**
 * One package upgrade of the remediation advice.
 *
 * @param pkg       the package as installed
 * @param toVersion the version to upgrade to: the lowest that fixes every vulnerability it must fix
 * @param fixes     the vulnerability IDs the upgrade removes
 */
public record Upgrade(Package pkg, String toVersion, List<String> fixes) {

    public Upgrade {
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(toVersion, "toVersion");
        fixes = List.copyOf(fixes);
    }
}
