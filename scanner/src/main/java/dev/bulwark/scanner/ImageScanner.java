package dev.bulwark.scanner;

import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.image.LayerBlob;
import dev.bulwark.scanner.image.LayerOrigin;
import dev.bulwark.scanner.image.ResolvedImage;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.inventory.InventoryBuilder;
import dev.bulwark.scanner.layer.LayerAnalysis;
import dev.bulwark.scanner.layer.LayerException;
import dev.bulwark.scanner.layer.LayerWalk;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.ImageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an image into its inventory: resolve the source, analyze each layer (or take it from the cache), merge.
 *
 * <p>Nothing a config or manifest claims is trusted by itself. A layer that is read is hashed twice: its blob
 * against the manifest's digest, its uncompressed content against the config's diffID. A cached analysis is
 * used only for what was verified when it was stored: the Docker engine's own layers by diffID (the engine is
 * content-addressed), any other layer through its blob digest, and only when that blob was verified to
 * decompress to the diffID the config claims now; a blob in a file on this machine is hashed again even then.
 */
public final class ImageScanner {

    private final List<Analyzer> analyzers;
    private final ScanLimits limits;
    private final Optional<LayerResults> cache;

    public ImageScanner(List<Analyzer> analyzers, ScanLimits limits, Optional<LayerResults> cache) {
        this.analyzers = List.copyOf(analyzers);
        this.limits = limits;
        this.cache = cache;
    }

    public ScannedImage scan(ImageSource source) {
        ResolvedImage image = source.resolve();
        LayerWalk walk = new LayerWalk(analyzers, limits);
        List<LayerAnalysis> layers = new ArrayList<>();
        int cached = 0;
        for (int index = 0; index < image.layers().size(); index++) {
            LayerBlob layer = image.layers().get(index);
            String what = "layer " + (index + 1) + " of " + image.name() + " (blob " + layer.digest() + ")";
            Optional<LayerAnalysis> hit = cache.flatMap(results -> cached(results, layer, what));
            if (hit.isPresent()) {
                cached++;
                layers.add(hit.get());
                continue;
            }
            LayerAnalysis analysis = walked(walk, layer, what);
            cache.ifPresent(results -> results.store(layer.digest(), analysis));
            layers.add(analysis);
        }
        Inventory inventory = InventoryBuilder.build(layers);
        return new ScannedImage(image, inventory, cached);
    }

    private static Optional<LayerAnalysis> cached(LayerResults results, LayerBlob layer, String what) {
        if (layer.origin() == LayerOrigin.ENGINE) {
            return results.find(layer.diffId());
        }
        Optional<String> verified = results.verifiedDiffId(layer.digest());
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        if (!verified.get().equals(layer.diffId())) {
            throw new LayerException(what + " was verified earlier to decompress to " + verified.get() + ", but the"
                    + " image config names " + layer.diffId() + " as its diffID: the image was tampered with or is"
                    + " corrupt, so it is not scanned; rebuild it or pull it again from a registry you trust");
        }
        Optional<LayerAnalysis> hit = results.find(verified.get());
        if (hit.isPresent() && layer.origin() == LayerOrigin.FILE) {
            read(layer, what, blob -> blob.transferTo(OutputStream.nullOutputStream()));
        }
        return hit;
    }

    private static LayerAnalysis walked(LayerWalk walk, LayerBlob layer, String what) {
        try {
            return read(layer, what, blob -> walk.walk(layer.diffId(), layer.digest(), blob));
        } catch (LayerException e) {
            throw new LayerException(what + ": " + e.getMessage(), e);
        }
    }

    /** Reads the blob: the opener's stream checks the blob's digest when it is closed, after reading it whole. */
    private static <T> T read(LayerBlob layer, String what, BlobReader<T> reader) {
        try (InputStream blob = layer.opener().open()) {
            return reader.read(blob);
        } catch (IOException e) {
            throw new LayerException(what + " cannot be read: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface BlobReader<T> {
        T read(InputStream blob) throws IOException;
    }

    /**
     * Where analysed layers are kept between scans (see {@link dev.bulwark.scanner.cache.LayerCache}). Only
     * verified layers are stored: their uncompressed content hashed to their diffID while they were walked.
     */
    public interface LayerResults {
        /** The analysis of the layer whose uncompressed content was verified to have this digest. */
        Optional<LayerAnalysis> find(String verifiedDiffId);

        /** The diffID the blob with this digest was verified to decompress to, if it was ever walked. */
        Optional<String> verifiedDiffId(String blobDigest);

        /** Keeps a verified analysis, and that the blob decompresses to its diffID. */
        void store(String blobDigest, LayerAnalysis verified);
    }
}
