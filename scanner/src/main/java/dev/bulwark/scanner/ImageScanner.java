package dev.bulwark.scanner;

import dev.bulwark.scanner.analyzer.Analyzer;
import dev.bulwark.scanner.image.LayerBlob;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns an image into its inventory: resolve the source, analyze each layer (or take it from the cache), merge. */
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
        for (LayerBlob layer : image.layers()) {
            Optional<LayerAnalysis> hit = cache.flatMap(results -> results.find(layer.diffId()));
            if (hit.isPresent()) {
                cached++;
                layers.add(hit.get());
                continue;
            }
            LayerAnalysis analysis = read(layer, blob -> walk.walk(layer.diffId(), blob));
            cache.ifPresent(results -> results.store(analysis));
            layers.add(analysis);
        }
        Inventory inventory = InventoryBuilder.build(layers);
        return new ScannedImage(image, inventory, cached);
    }

    private static LayerAnalysis read(LayerBlob layer, Function<InputStream, LayerAnalysis> walk) {
        try (InputStream blob = layer.opener().open()) {
            return walk.apply(blob);
        } catch (IOException e) {
            throw new LayerException("layer " + layer.diffId() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Where analysed layers are kept between scans (see {@link dev.bulwark.scanner.cache.LayerCache}). */
    public interface LayerResults {
        Optional<LayerAnalysis> find(String diffId);

        void store(LayerAnalysis analysis);
    }
}
