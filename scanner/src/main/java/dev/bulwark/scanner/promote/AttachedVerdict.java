package dev.bulwark.scanner.promote;

import java.time.Instant;
import java.util.Objects;

/**
 * The verdict that travels with a promoted image, so later stages and the runtime agent can check it.
 *
 * @param verdict        {@code pass}, {@code warn} or {@code fail}
 * @param stage          the stage it was judged at
 * @param policy         the policy's name
 * @param policyDigest   the sha256 of the policy file, so a changed policy is noticed
 * @param databaseBuiltAt when the vulnerability database was built
 * @param bulwarkVersion the Bulwark that judged
 * @param judgedAt       when
 */
public record AttachedVerdict(String verdict, String stage, String policy, String policyDigest, Instant databaseBuiltAt,
                              String bulwarkVersion, Instant judgedAt) {

    public AttachedVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(stage, "stage");
        policy = Objects.requireNonNullElse(policy, "");
        policyDigest = Objects.requireNonNullElse(policyDigest, "");
        bulwarkVersion = Objects.requireNonNullElse(bulwarkVersion, "");
        Objects.requireNonNull(judgedAt, "judgedAt");
    }
}
