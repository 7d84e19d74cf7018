package dev.bulwark.scanner.analyzer.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.policy.pkg.InvalidPurlException;
import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * npm lockfiles: {@code package-lock.json} and {@code npm-shrinkwrap.json}, of a project rather than of a package
 * (lockfiles inside {@code node_modules} are what a package's authors used, not what is installed).
 *
 * <p>Lockfile v2 and v3 list every installed package in {@code packages}, keyed by its folder
 * ({@code node_modules/debug/node_modules/ms}); v1 has only the nested {@code dependencies} tree, which v2 keeps
 * for old npm versions and this analyzer then ignores. Every package is reported, development ones included,
 * each name and version once. Left out: the project itself (the {@code ""} entry), workspace folders and the
 * links to them, which are the project's own code, and git, tarball and folder dependencies, whose versions
 * no advisory can name.
 */
public final class PackageLockAnalyzer implements Analyzer {

    private static final List<String> FILE_NAMES = List.of("package-lock.json", "npm-shrinkwrap.json");
    private static final String NODE_MODULES_PREFIX = NodeModulesPaths.NODE_MODULES + "/";
    private static final int NEWEST_VERSION = 3;

    @Override
    public String name() {
        return "npm-lockfile";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path, long size) {
        return FILE_NAMES.stream().anyMatch(fileName -> NodeModulesPaths.hasFileName(path, fileName))
                && !NodeModulesPaths.isInsideNodeModules(path);
    }

    @Override
    public AnalyzerOutcome analyze(AnalyzerInput input) {
        try {
            JsonNode lock = NpmJson.readObject(input);
            String file = NpmJson.fileName(input.path());
            List<NpmCoordinates> locked = new ArrayList<>();
            if (lock.has("packages")) {
                readPackages(lock.get("packages"), file, locked);
            } else {
                requireKnownVersion(lock, file);
                readDependencyTree(lock.get("dependencies"), file, "", locked);
            }
            return AnalyzerOutcome.Found.packages(locked.stream().filter(NpmCoordinates::fromRegistry).distinct()
                    .map(coordinates -> coordinates.toPackage(input.imagePath())).toList());
        } catch (MalformedNpmFileException | InvalidPurlException e) {
            return NpmJson.failed(name(), input, e);
        }
    }

    /** Lockfile v2 and v3: {@code "node_modules/@babel/core": {"version": "7.24.0", …}}. */
    private static void readPackages(JsonNode packages, String file, List<NpmCoordinates> locked) {
        for (Map.Entry<String, JsonNode> entry : fields(packages, file + " \"packages\"")) {
            String folder = entry.getKey();
            int lastNodeModules = folder.lastIndexOf(NODE_MODULES_PREFIX);
            if (lastNodeModules < 0) {
                continue;
            }
            String where = file + " entry \"" + folder + "\"";
            JsonNode pkg = requireObject(entry.getValue(), where);
            if (pkg.path("link").asBoolean(false)) {
                continue;
            }
            String version = requireVersion(pkg, where);
            String declaredName = NpmJson.text(pkg, "name", where);
            String name = declaredName != null ? declaredName : folder.substring(lastNodeModules + NODE_MODULES_PREFIX.length());
            locked.add(new NpmCoordinates(name, version));
        }
    }

    /** Lockfile v1: {@code "debug": {"version": "2.6.9", "dependencies": {"ms": {"version": "2.0.0"}}}}. */
    private static void readDependencyTree(JsonNode dependencies, String file, String trail, List<NpmCoordinates> locked) {
        if (dependencies == null || dependencies.isNull()) {
            return;
        }
        String what = trail.isEmpty() ? "" : " of \"" + trail.substring(0, trail.length() - 3) + "\"";
        for (Map.Entry<String, JsonNode> entry : fields(dependencies, file + " \"dependencies\"" + what)) {
            String where = file + " dependency \"" + trail + entry.getKey() + "\"";
            JsonNode dependency = requireObject(entry.getValue(), where);
            locked.add(new NpmCoordinates(entry.getKey(), requireVersion(dependency, where)).withoutAlias());
            readDependencyTree(dependency.get("dependencies"), file, trail + entry.getKey() + " > ", locked);
        }
    }

    private static void requireKnownVersion(JsonNode lock, String file) {
        JsonNode version = lock.get("lockfileVersion");
        if (version != null && (!version.canConvertToInt() || version.asInt() > NEWEST_VERSION)) {
            throw new MalformedNpmFileException(file + " has lockfileVersion " + version + " and no \"packages\": Bulwark reads"
                    + " lockfile versions 1 to " + NEWEST_VERSION);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode object, String where) {
        return requireObject(object, where).properties();
    }

    private static JsonNode requireObject(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new MalformedNpmFileException(where + " is not a JSON object");
        }
        return node;
    }

    private static String requireVersion(JsonNode pkg, String where) {
        String version = NpmJson.text(pkg, "version", where);
        if (version == null || version.isBlank()) {
            throw new MalformedNpmFileException(where + " has no \"version\"");
        }
        return version;
    }
}
