package dev.bulwark.scanner.layer;

import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one layer holds, on its own: the analyzed files (each with the packages found in it, possibly none,
 * so that it hides the same path in lower layers), OS release files, symlinks, whiteouts and failures.
 * It depends only on the layer's bytes and the analyzers, so it can be cached by diffID.
 *
 * @param diffId            the layer's uncompressed digest
 * @param files             every analyzed path and the packages found in it
 * @param os                OS release files and what they say
 * @param symlinks          symlinks: path → target as stored
 * @param whiteouts         paths this layer deletes from the layers below
 * @param opaqueDirectories directories whose lower-layer content this layer hides
 * @param failures          files that could not be analysed, and entries that were skipped as unsafe
 */
public record LayerAnalysis(String diffId, SortedMap<String, List<Package>> files, SortedMap<String, OsRelease> os,
                            SortedMap<String, String> symlinks, SortedSet<String> whiteouts, SortedSet<String> opaqueDirectories,
                            List<AnalyzerFailure> failures) {

    public LayerAnalysis {
        files = new TreeMap<>(files == null ? Map.of() : files);
        os = new TreeMap<>(os == null ? Map.of() : os);
        symlinks = new TreeMap<>(symlinks == null ? Map.of() : symlinks);
        whiteouts = new TreeSet<>(whiteouts == null ? Set.of() : whiteouts);
        opaqueDirectories = new TreeSet<>(opaqueDirectories == null ? Set.of() : opaqueDirectories);
        failures = List.copyOf(failures == null ? List.of() : failures);
    }
}
