package dev.bulwark.scanner.trivy;

import dev.bulwark.policy.pkg.InvalidPurlException;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.model.OsRelease;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a report's {@code Results}: what Trivy scanned ({@code Target}), the kind of packages it holds
 * ({@code Class}: {@code os-pkgs}, {@code lang-pkgs}) and their {@code Type} ({@code debian}, {@code jar}, …).
 *
 * @param type   the result's {@code Type}, or empty
 * @param target the result's {@code Target}, or empty
 * @param langPkgs whether the result's {@code Class} is {@code lang-pkgs}
 * @param os     the report's OS, which names the distro of OS packages
 */
record TrivyTarget(String type, String target, boolean langPkgs, Optional<OsRelease> os) {

    /**
     * Trivy's aggregating types gather packages from many files into one result whose {@code Target} is a label
     * ({@code Java}, {@code Node.js}, {@code Python}) rather than a file; their packages carry a {@code PkgPath}.
     */
    private static final Set<String> AGGREGATING_TYPES = Set.of("jar", "node-pkg", "python-pkg", "conda-pkg", "gemspec");

    static TrivyTarget of(TrivyNode result, Optional<OsRelease> os) {
        return new TrivyTarget(result.text("Type").orElse(""), result.text("Target").orElse(""),
                result.text("Class").orElse("").equals("lang-pkgs"), os);
    }

    /**
     * Where a package without a path of its own was found: the {@code Target} of a lockfile or binary result
     * ({@code package-lock.json}, {@code usr/local/bin/app}); nothing for OS packages, whose target is the image
     * ({@code alpine:3.10 (alpine 3.10.2)}), or for an aggregating result, whose target is a label.
     */
    String pathOf(Optional<String> ownPath) {
        if (ownPath.isPresent()) {
            return ownPath.get();
        }
        return langPkgs && !AGGREGATING_TYPES.contains(type) ? target : "";
    }

    /**
     * The purl Trivy gave the package at {@code identifier.PURL}, kept as Trivy wrote it (its apk purls qualify the
     * distro with the bare version, {@code distro=3.10.2}; qualifiers take no part in policy matching), or else one
     * built from the result type, where {@code arch} (possibly empty) qualifies an OS package.
     */
    Purl purlOf(TrivyNode identifier, String name, String version, String arch) {
        Optional<String> given = identifier.text("PURL");
        if (given.isPresent()) {
            try {
                return Purl.parse(given.get());
            } catch (InvalidPurlException e) {
                throw identifier.problemAt("PURL", e.getMessage() + "; fix or remove the purl, or re-run trivy", e);
            }
        }
        return TrivyPurls.of(type.isEmpty() ? "generic" : type, name, version, arch, os);
    }
}
