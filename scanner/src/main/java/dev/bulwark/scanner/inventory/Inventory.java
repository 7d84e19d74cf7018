package dev.bulwark.scanner.inventory;

import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything installed in an image: the SBOM. Packages are in {@link Package#ORDER}.
 *
 * @param os       the OS release, when the image has one
 * @param packages the packages
 * @param failures files that could not be analysed, and unsafe entries that were skipped
 */
public record Inventory(Optional<OsRelease> os, List<Package> packages, List<AnalyzerFailure> failures) {

    public Inventory {
        os = Objects.requireNonNullElse(os, Optional.empty());
        packages = packages.stream().sorted(Package.ORDER).toList();
        failures = List.copyOf(failures);
    }
}
