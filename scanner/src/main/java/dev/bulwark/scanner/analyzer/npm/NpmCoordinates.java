package dev.bulwark.scanner.analyzer.npm;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.model.Package;
import java.util.Objects;
import java.util.Optional;

/**
 * An npm package name and the version (or range) that goes with it, as package.json files and lockfiles write
 * them.
 *
 * <p>A scoped name ({@code @babel/core}) keeps its scope as the purl namespace, so the purl reads
 * {@code pkg:npm/%40babel/core@7.24.0}. Names keep their case: npm names are case-sensitive, and a few old
 * packages differ from others only by case.
 *
 * @param name    the name as npm writes it, scope included
 * @param version the version, or a range or other specifier where the file has one
 */
record NpmCoordinates(String name, String version) {

    private static final String ALIAS = "npm:";

    NpmCoordinates {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** Splits {@code name@version}, where the name may be scoped ({@code @types/node@^20}). */
    static Optional<NpmCoordinates> parse(String spec) {
        int at = spec.indexOf('@', 1);
        if (at <= 0) {
            return Optional.empty();
        }
        return Optional.of(new NpmCoordinates(spec.substring(0, at), spec.substring(at + 1)));
    }

    /**
     * The package an alias stands for: {@code lodash4} at {@code npm:lodash@4.17.21} is really lodash 4.17.21.
     * Coordinates that are not an alias stay as they are.
     */
    NpmCoordinates withoutAlias() {
        if (!version.startsWith(ALIAS)) {
            return this;
        }
        return parse(version.substring(ALIAS.length())).orElse(new NpmCoordinates(name, version.substring(ALIAS.length())));
    }

    /**
     * Whether the version names a registry release rather than a git repository, tarball URL or local folder
     * ({@code github:u/r}, {@code https://…}, {@code file:../lib}, {@code u/r}). Only registry releases can be
     * matched against advisories.
     */
    boolean fromRegistry() {
        return !version.isBlank() && !version.contains("/") && !version.matches("[a-zA-Z+]+:.*");
    }

    /** The inventory package, found in the file at {@code path}. */
    Package toPackage(String path) {
        int slash = name.indexOf('/');
        boolean scoped = name.startsWith("@") && slash > 1 && slash < name.length() - 1;
        String namespace = scoped ? name.substring(0, slash) : "";
        String shortName = scoped ? name.substring(slash + 1) : name;
        return new Package(Ecosystem.NPM, name, version, Purl.of(Ecosystem.NPM.purlType(), namespace, shortName, version), "", "", "", path);
    }
}
