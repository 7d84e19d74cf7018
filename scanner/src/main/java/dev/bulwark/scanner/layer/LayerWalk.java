package dev.bulwark.scanner.layer;

import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.image.Digests;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.model.ScanLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer as a stream, once, never extracting it: each entry is normalised and checked against the
 * {@link ScanLimits}, whiteouts and links are recorded, and the files analyzers want are read into memory
 * and handed to them. Nothing is written to disk.
 */
public final class LayerWalk {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    /** Analysed files kept for hard links to them; beyond this a hard link to a file is reported, not analysed. */
    private static final long MAX_KEPT_FOR_HARD_LINKS = 64L << 20;
    /** Failures listed per layer: a hostile layer can have a million bad entries, and the first hundred name the problem. */
    private static final int MAX_LISTED_FAILURES = 100;

    private final List<Analyzer> analyzers;
    private final ScanLimits limits;

    public LayerWalk(List<Analyzer> analyzers, ScanLimits limits) {
        this.analyzers = List.copyOf(analyzers);
        this.limits = limits;
    }

    /**
     * Walks a layer blob (gzip, zstd or plain tar), hashing its uncompressed content as it goes.
     *
     * @param diffId the diffID the image config claims for the layer: the uncompressed content must hash to it
     * @param blob   the blob, as stored
     * @throws LayerException when the layer is corrupt, truncated, beyond a limit, or not the layer its config names
     */
    public LayerAnalysis walk(String diffId, InputStream blob) {
        return walk(diffId, "", blob);
    }

    /**
     * As {@link #walk(String, InputStream)}, for a blob whose stream checks its own digest when it is closed: an
     * uncompressed blob whose digest is the diffID is then not hashed a second time.
     *
     * @param blobDigest the digest the blob's stream checks, or empty
     */
    public LayerAnalysis walk(String diffId, String blobDigest, InputStream blob) {
        Walk walk = new Walk(diffId);
        String what = "layer " + diffId;
        MessageDigest uncompressed = Digests.sha256();
        boolean checkedByTheBlob;
        Compression.Opened opened;
        try {
            opened = Compression.open(blob);
        } catch (IOException e) {
            throw new LayerException(what + " cannot be read; it is corrupt or truncated (" + e.getMessage()
                    + "): rebuild or re-pull the image", e);
        }
        checkedByTheBlob = !opened.compressed() && blobDigest.equals(diffId);
        InputStream content = checkedByTheBlob ? opened.content() : new DigestInputStream(opened.content(), uncompressed);
        try (BoundedInputStream bounded = new BoundedInputStream(content, limits.maxLayerBytes(), what);
             TarArchiveInputStream tar = new TarArchiveInputStream(bounded)) {
            long entries = 0;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new LayerException(what + " has more than " + limits.maxEntries() + " entries: raise the entries limit"
                            + " if the image is genuine");
                }
                walk.entry(entry, tar);
            }
            bounded.transferTo(OutputStream.nullOutputStream()); // the end-of-archive blocks count in the diffID too
        } catch (IOException e) {
            throw new LayerException(what + " cannot be read; it is corrupt or truncated (" + e.getMessage()
                    + "): rebuild or re-pull the image", e);
        }
        if (checkedByTheBlob) {
            return walk.result();
        }
        String actual = Digests.hex(uncompressed);
        if (!actual.equals(diffId)) {
            throw new LayerException("a layer's uncompressed content has digest " + actual + " but the image config"
                    + " names " + diffId + " as its diffID: the image was tampered with or is corrupt, so it is not"
                    + " scanned; rebuild it or pull it again from a registry you trust");
        }
        return walk.result();
    }

    /** The state of one walk; one per layer, never shared. */
    private final class Walk {
        private final String diffId;
        private final SortedMap<String, List<Package>> files = new TreeMap<>();
        private final SortedMap<String, OsRelease> os = new TreeMap<>();
        private final SortedMap<String, String> symlinks = new TreeMap<>();
        private final SortedSet<String> whiteouts = new TreeSet<>();
        private final SortedSet<String> opaque = new TreeSet<>();
        private final List<AnalyzerFailure> failures = new ArrayList<>();
        private final Map<String, byte[]> captured = new HashMap<>();
        private long capturedBytes;
        private long unlistedFailures;

        Walk(String diffId) {
            this.diffId = diffId;
        }

        void entry(TarArchiveEntry entry, InputStream content) throws IOException {
            if (entry.getName().length() > limits.maxPathLength()) {
                skip(entry.getName().substring(0, 80) + "…", "path longer than " + limits.maxPathLength() + " characters");
                return;
            }
            Optional<String> normalized = ImagePaths.normalize(entry.getName());
            if (normalized.isEmpty()) {
                skip(entry.getName(), "path climbs above the image root");
                return;
            }
            String path = normalized.get();
            String base = path.substring(path.lastIndexOf('/') + 1);
            if (base.equals(OPAQUE)) {
                opaque.add(ImagePaths.parentOf(path));
            } else if (base.startsWith(WHITEOUT)) {
                String parent = ImagePaths.parentOf(path);
                whiteouts.add((parent.isEmpty() ? "" : parent + "/") + base.substring(WHITEOUT.length()));
            } else if (entry.isSymbolicLink()) {
                symlinks.put(path, entry.getLinkName());
            } else if (entry.isLink()) {
                hardlink(path, entry.getLinkName());
            } else if (entry.isFile()) {
                file(path, entry.getSize(), content);
            }
        }

        private void hardlink(String path, String target) {
            Optional<String> normalizedTarget = ImagePaths.normalize(target);
            if (normalizedTarget.isEmpty()) {
                skip(path, "hard link to " + target + ", outside the image root");
                return;
            }
            byte[] bytes = captured.get(normalizedTarget.get());
            if (bytes != null) {
                analyze(path, bytes);
            } else if (analyzers.stream().anyMatch(analyzer -> analyzer.wants(path, 0))) {
                skip(path, "hard link to " + target + ", whose content was not kept for re-reading");
            }
        }

        private void file(String path, long size, InputStream content) throws IOException {
            if (analyzers.stream().noneMatch(analyzer -> analyzer.wants(path, size))) {
                return;
            }
            if (size > limits.maxFileBytes()) {
                skip(path, "file of " + size + " bytes is larger than the analysis limit of " + limits.maxFileBytes()
                        + " bytes (the file size limit)");
                files.put(path, List.of());
                return;
            }
            // Allocated once at its size: reading in pieces and joining them would hold a large file twice.
            byte[] bytes = new byte[(int) size];
            int read = content.readNBytes(bytes, 0, bytes.length);
            if (read != size) {
                throw new IOException("entry " + path + " ends after " + read + " of " + size + " bytes");
            }
            if (capturedBytes + bytes.length <= MAX_KEPT_FOR_HARD_LINKS) {
                captured.put(path, bytes);
                capturedBytes += bytes.length;
            }
            analyze(path, bytes);
        }

        private void analyze(String path, byte[] bytes) {
            List<Package> found = new ArrayList<>();
            for (Analyzer analyzer : analyzers) {
                if (!analyzer.wants(path, bytes.length)) {
                    continue;
                }
                AnalyzerOutcome outcome = safely(analyzer, new AnalyzerInput(path, bytes));
                List<AnalyzerOutcome.Failed> problems = outcome.match(result -> {
                    result.packages().forEach(pkg -> found.add(pkg.inLayer(diffId)));
                    result.os().ifPresent(release -> os.put(path, release));
                    return result.problems();
                }, notApplicable -> List.of(), List::of);
                problems.forEach(this::fail);
            }
            files.put(path, List.copyOf(found));
        }

        private void fail(AnalyzerOutcome.Failed failure) {
            record(new AnalyzerFailure(failure.analyzer(), "/" + failure.path(), failure.reason()));
        }

        private void record(AnalyzerFailure failure) {
            if (failures.size() < MAX_LISTED_FAILURES) {
                failures.add(failure);
            } else {
                unlistedFailures++;
            }
        }

        private AnalyzerOutcome safely(Analyzer analyzer, AnalyzerInput input) {
            try {
                return analyzer.analyze(input);
            } catch (RuntimeException e) {
                return new AnalyzerOutcome.Failed(analyzer.name(), input.path(), "analyzer error: " + e);
            }
        }

        private void skip(String path, String why) {
            record(new AnalyzerFailure("layer", "/" + path, "skipped: " + why + " (layer " + diffId + ")"));
        }

        LayerAnalysis result() {
            if (unlistedFailures > 0) {
                failures.add(new AnalyzerFailure("layer", "/", unlistedFailures + " more entries of layer " + diffId
                        + " were skipped or could not be analysed; only the first " + MAX_LISTED_FAILURES + " are listed"));
            }
            return new LayerAnalysis(diffId, files, os, symlinks, whiteouts, opaque, failures);
        }
    }
}
