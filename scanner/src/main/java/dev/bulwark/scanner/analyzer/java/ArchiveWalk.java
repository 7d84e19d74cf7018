package dev.bulwark.scanner.analyzer.java;

import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.analyzer.java.InflateBudget.Inflated;
import dev.bulwark.scanner.model.Package;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads one top-level archive and the archives inside it, depth first, in memory, unpacking only what it
 * needs: pom.properties, the manifest and nested archives, never class files. A problem is pinned on the
 * smallest thing that could not be read (a nested jar, a manifest) and the rest is still read; only the
 * top-level archive being unreadable, or the unpack budget running out, stops the walk. One walk per
 * top-level archive; never shared.
 */
final class ArchiveWalk {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    // Signed jars list a digest for every entry after the main section; the main section comes first.
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    private static final int MAX_POM_PROPERTIES_BYTES = 64 << 10;
    private static final int MAX_ARCHIVE_BYTES = Integer.MAX_VALUE - 16;
    // A hostile archive can hold millions of broken entries; a few name the problem as well as all of them.
    private static final int MAX_PROBLEMS = 100;

    private final String analyzer;
    private final int maxNestingDepth;
    private final InflateBudget budget;
    // Package.ORDER compares name, version and path (the ecosystem is always maven), so the set deduplicates.
    private final SortedSet<Package> packages = new TreeSet<>(Package.ORDER);
    private final List<AnalyzerOutcome.Failed> problems = new ArrayList<>();
    private long unrecordedProblems;

    ArchiveWalk(String analyzer, int maxNestingDepth, InflateBudget budget) {
        this.analyzer = analyzer;
        this.maxNestingDepth = maxNestingDepth;
        this.budget = budget;
    }

    /**
     * Walks the archive at {@code path} (in the image, without a leading slash).
     *
     * @throws IOException                        when the archive itself is not a readable zip
     * @throws InflateBudget.InflateLimitExceeded when it unpacks to more than the budget
     */
    AnalyzerOutcome.Found walk(String path, byte[] content) throws IOException {
        archive(path, content, 0);
        problems.sort(Comparator.comparing(AnalyzerOutcome.Failed::path).thenComparing(AnalyzerOutcome.Failed::reason));
        if (unrecordedProblems > 0) {
            problems.add(new AnalyzerOutcome.Failed(analyzer, path, unrecordedProblems + " more parts of it could not be"
                    + " read; only the first " + MAX_PROBLEMS + " problems are listed"));
        }
        return new AnalyzerOutcome.Found(List.copyOf(packages), Optional.empty(), problems);
    }

    private void archive(String path, byte[] content, int depth) throws IOException {
        try (ZipFile zip = open(content)) {
            List<Pom> poms = new ArrayList<>();
            ClassPackages classes = new ClassPackages();
            ZipArchiveEntry manifest = null;
            List<ZipArchiveEntry> nested = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (PomProperties.isPomProperties(name)) {
                    pomProperties(zip, entry, path + "!/" + name).ifPresent(poms::add);
                } else if (name.equalsIgnoreCase(MANIFEST)) {
                    manifest = entry;
                } else if (FileName.isJavaArchive(name)) {
                    nested.add(entry);
                } else {
                    classes.add(name);
                }
            }
            if (!poms.isEmpty()) {
                poms.forEach(pom -> packages.add(pom.coordinates().toPackage("/" + path, Coordinates.fromPomProperties(pom.entry()))));
            } else {
                identify(zip, path, manifest, classes, !nested.isEmpty());
            }
            for (ZipArchiveEntry entry : nested) {
                nested(zip, entry, path + "!/" + stripLeadingSlashes(entry.getName()), depth + 1);
            }
        }
    }

    /**
     * Names an archive without pom.properties from its evidence, or reports it as not analysed. An archive that
     * holds archives (a war, an ear, a Spring Boot jar) is an application whose libraries are inside and are
     * named one by one; its own classes are the application's, so it is not reported when it cannot be named.
     */
    private void identify(ZipFile zip, String path, ZipArchiveEntry manifestEntry, ClassPackages classes, boolean holdsArchives) {
        FileName fileName = FileName.parse(path);
        byte[] bytes = manifestEntry == null ? new byte[0]
                : unpack(zip, manifestEntry, path + "!/" + MANIFEST, MAX_MANIFEST_BYTES).map(Inflated::bytes).orElse(new byte[0]);
        ManifestFacts manifest;
        try {
            manifest = ManifestFacts.parse(bytes);
        } catch (IOException e) {
            problem(path + "!/" + MANIFEST, "the manifest is malformed (" + e.getMessage()
                    + "), so the archive is named without it");
            manifest = ManifestFacts.NONE;
        }
        Optional<JarIdentity.Identified> identified = JarIdentity.of(fileName, manifest, classes.mainPackage());
        if (identified.isPresent()) {
            packages.add(identified.get().coordinates().toPackage("/" + path, identified.get().identification()));
        } else if (!holdsArchives && (classes.mainPackage().isPresent() || manifestEntry != null)) {
            problem(path, "not identified: it has no pom.properties, and neither its file name nor its manifest gives a"
                    + " version" + classes.mainPackage().map(pkg -> " (its classes are in " + pkg + ")").orElse("")
                    + ", so its vulnerabilities are unknown: name it artifactId-version.jar or build it with Maven");
        }
    }

    /** The coordinates a pom.properties gives, and its entry name, which the SBOM shows as the evidence. */
    private record Pom(Coordinates coordinates, String entry) {
    }

    private Optional<Pom> pomProperties(ZipFile zip, ZipArchiveEntry entry, String path) {
        Optional<Inflated> content = unpack(zip, entry, path, MAX_POM_PROPERTIES_BYTES);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        if (!content.get().complete()) {
            problem(path, "pom.properties is larger than " + MAX_POM_PROPERTIES_BYTES + " bytes, which no real one is;"
                    + " it was not read");
            return Optional.empty();
        }
        try {
            return PomProperties.parse(content.get().bytes()).map(coordinates -> new Pom(coordinates, entry.getName()));
        } catch (IOException e) {
            problem(path, "pom.properties cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void nested(ZipFile zip, ZipArchiveEntry entry, String path, int depth) {
        if (depth > maxNestingDepth) {
            problem(path, "not opened: it is nested " + depth + " archives deep, beyond the limit of " + maxNestingDepth
                    + "; the packages in it are missing from the inventory");
            return;
        }
        Optional<Inflated> content = unpack(zip, entry, path, MAX_ARCHIVE_BYTES);
        if (content.isPresent() && !content.get().complete()) {
            problem(path, "not opened: it is larger than " + MAX_ARCHIVE_BYTES + " bytes, more than can be read in memory");
        } else if (content.isPresent() && content.get().bytes().length > 0) { // an empty one is a placeholder, not corrupt
            try {
                archive(path, content.get().bytes(), depth);
            } catch (IOException e) {
                problem(path, notAZip(e));
            }
        }
    }

    /** Reads an entry, recording a problem (and giving nothing) when it cannot be unpacked. */
    private Optional<Inflated> unpack(ZipFile zip, ZipArchiveEntry entry, String path, int max) {
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(budget.read(in, max));
        } catch (IOException e) {
            problem(path, "cannot be unpacked (" + e.getMessage() + "); the archive holding it is corrupt");
            return Optional.empty();
        }
    }

    private void problem(String path, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new AnalyzerOutcome.Failed(analyzer, path, reason));
        } else {
            unrecordedProblems++;
        }
    }

    static String notAZip(IOException e) {
        if (e instanceof CentralDirectory.TooManyEntries) {
            return "not read: " + e.getMessage() + ", so the packages in it are missing from the inventory";
        }
        return "not a readable zip archive (" + e.getMessage() + "): it is corrupt or truncated, and the packages in it"
                + " are missing from the inventory";
    }

    private static ZipFile open(byte[] content) throws IOException {
        CentralDirectory.checkEntries(content);
        try {
            // Local headers are read only for the entries unpacked, so a damaged class file cannot hide the rest.
            return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                    .setIgnoreLocalFileHeader(true).get();
        } catch (RuntimeException e) {
            // Hostile bytes can trip commons-compress's own consistency checks; for us that is corruption too.
            throw new IOException(e.toString(), e);
        }
    }

    private static String stripLeadingSlashes(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '/') {
            start++;
        }
        return name.substring(start);
    }
}
