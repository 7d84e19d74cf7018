package dev.bulwark.scanner.analyzer.golang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module info text of a Go binary (what {@code go version -m} prints): tab-separated lines {@code path},
 * {@code mod} (the main module), {@code dep} (a dependency), {@code =>} (a replacement for the module on the line
 * before) and {@code build} (build settings, not needed here).
 *
 * @param mainPackage  the import path of the main package, or empty
 * @param mainModule   the module holding the main package, if the binary was built with modules
 * @param dependencies every module the binary was built with, in the order the linker wrote them
 */
record ModuleInfo(String mainPackage, Optional<GoModule> mainModule, List<GoModule> dependencies) {

    ModuleInfo {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * Parses module info text.
     *
     * @throws GoBinaryException naming the line that is not module info
     */
    static ModuleInfo parse(String text) {
        String mainPackage = "";
        GoModule main = null;
        List<GoModule> dependencies = new ArrayList<>();
        String previous = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] fields = lines[i].split("\t", -1);
            switch (fields[0]) {
                case "path" -> mainPackage = fields.length > 1 ? fields[1] : "";
                case "mod" -> main = module(fields, i);
                case "dep" -> dependencies.add(module(fields, i));
                case "=>" -> {
                    GoModule replacement = module(fields, i);
                    if (previous.equals("mod")) {
                        main = main.replacedBy(replacement);
                    } else if (previous.equals("dep")) {
                        int last = dependencies.size() - 1;
                        dependencies.set(last, dependencies.get(last).replacedBy(replacement));
                    } else {
                        throw malformed(i, "a replacement (=>) that follows no mod or dep line");
                    }
                }
                default -> {
                    // build settings, blank lines and lines of newer Go versions carry no modules
                }
            }
            previous = fields[0];
        }
        return new ModuleInfo(mainPackage, Optional.ofNullable(main), dependencies);
    }

    private static GoModule module(String[] fields, int line) {
        if (fields.length < 3 || fields.length > 4 || fields[1].isEmpty()) {
            throw malformed(line, "a " + fields[0] + " line needs a module path, a version and an optional checksum, "
                    + "separated by tabs, but has " + (fields.length - 1) + " fields");
        }
        return new GoModule(fields[1], fields[2]);
    }

    private static GoBinaryException malformed(int line, String what) {
        return new GoBinaryException("Go module info line " + (line + 1) + " is " + what + ": the binary is corrupt");
    }
}
