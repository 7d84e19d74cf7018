package dev.bulwark.policy.gate.check;

import java.util.List;

/** Every kind of gate rule, in the order they are checked. A new rule kind is one class and one line here. */
public final class GateChecks {

    private GateChecks() {
    }

    public static List<GateCheck> all() {
        return List.of(
                new SeverityCheck(),
                new CvssCheck(),
                new AgeCheck(),
                new DeniedPackagesCheck(),
                new AllowedPackagesCheck(),
                new RunAsRootCheck(),
                new RequiredLabelsCheck(),
                new ForbiddenPortsCheck(),
                new ImageSizeCheck(),
                new EndOfLifeCheck(DistroLifecycle.builtIn()));
    }
}
