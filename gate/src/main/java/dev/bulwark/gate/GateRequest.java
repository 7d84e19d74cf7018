package dev.bulwark.gate;

import dev.bulwark.scanner.source.ImageLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image to judge, and everything the judgement depends on.
 *
 * @param image        where the image is read from
 * @param scan         how it is read and scanned
 * @param finder       who finds its vulnerabilities
 * @param database     the vulnerability database file (built from the OSV exports on first use)
 * @param allowStaleDb whether a database older than the policy allows is accepted (the report says so)
 * @param policy       the policy and stage, or empty to report findings without a verdict
 * @param vex          VEX documents besides those the policy names
 */
public record GateRequest(ImageLocation image, ScanSettings scan, Finder finder, Path database, boolean allowStaleDb,
                          Optional<PolicyStage> policy, List<Path> vex) {

    public GateRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(finder, "finder");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(policy, "policy");
        vex = List.copyOf(vex);
    }
}
