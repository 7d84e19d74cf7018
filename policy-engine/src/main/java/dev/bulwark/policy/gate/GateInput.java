package dev.bulwark.policy.gate;

import dev.bulwark.policy.pkg.InstalledPackage;
import dev.bulwark.policy.vex.VexStatement;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.ImageFacts;
import java.util.List;
import java.util.Objects;

/**
 * What the gate judges: the image's configuration, its packages, the vulnerabilities found in them, and
 * the VEX statements that apply.
 */
public record GateInput(ImageFacts image, List<InstalledPackage> packages, List<Finding> findings, List<VexStatement> vex) {

    public GateInput {
        Objects.requireNonNull(image, "image");
        packages = List.copyOf(Objects.requireNonNullElse(packages, List.of()));
        findings = List.copyOf(Objects.requireNonNullElse(findings, List.of()));
        vex = List.copyOf(Objects.requireNonNullElse(vex, List.of()));
    }
}
