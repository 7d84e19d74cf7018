package dev.bulwark.policy.model;

import dev.bulwark.policy.pkg.PurlPattern;
import java.util.List;
import java.util.Objects;

/** A list of package patterns and what to do about a package on it (deny list) or off it (allow list). */
public record PackageList(Action action, List<PurlPattern> packages) {

    public PackageList {
        action = Objects.requireNonNullElse(action, Action.FAIL);
        packages = List.copyOf(Objects.requireNonNullElse(packages, List.of()));
    }
}
