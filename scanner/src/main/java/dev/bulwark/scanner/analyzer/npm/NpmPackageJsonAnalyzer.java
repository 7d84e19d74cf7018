package dev.bulwark.scanner.analyzer.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.policy.pkg.InvalidPurlException;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import java.util.List;

/**
 * Installed npm packages: the {@code package.json} at the root of each package folder under
 * {@code node_modules} ({@code node_modules/lodash/package.json}, {@code node_modules/@babel/core/package.json},
 * {@code node_modules/debug/node_modules/ms/package.json}). This is what is on disk, whatever a lockfile says.
 *
 * <p>Some packages ship more package.json files in their own folders ({@code node_modules/@babel/runtime/helpers/esm/package.json}
 * holds only {@code "type": "module"}); those are not packages, and the folder layout tells them apart: the file
 * must sit directly in a package folder, or in a package folder inside a scope folder. The name is taken from the
 * file rather than the folder, because an alias installs a package under another folder name
 * ({@code node_modules/lodash4} holding lodash).
 */
public final class NpmPackageJsonAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "npm-package-json";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path, long size) {
        return NodeModulesPaths.isInstalledManifest(path);
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        try {
            JsonNode manifest = NpmJson.readObject(input);
            String packageName = NpmJson.text(manifest, "name", "package.json");
            String version = NpmJson.text(manifest, "version", "package.json");
            if (packageName == null || packageName.isBlank()) {
                return new AnalyzerOutcome.Failed(name(), input.path(), "package.json of an installed package has no \"name\"");
            }
            if (version == null || version.isBlank()) {
                return new AnalyzerOutcome.Failed(name(), input.path(),
                        "package.json of " + packageName + " has no \"version\"");
            }
            return AnalyzerOutcome.Found.packages(List.of(new NpmCoordinates(packageName, version).toPackage(input.imagePath())));
        } catch (MalformedNpmFileException | InvalidPurlException e) {
            return NpmJson.failed(name(), input, e);
        }
    }
}
