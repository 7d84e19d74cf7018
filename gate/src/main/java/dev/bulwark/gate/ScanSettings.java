package dev.bulwark.gate;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.cache.LayerCache;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.ImageLocation;
import dev.bulwark.scanner.source.ImageSource;
import dev.bulwark.scanner.source.ImageSources;
import dev.bulwark.scanner.source.SourceOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How images are read and scanned: the source options (platform, insecure registries, the Docker engine), the
 * limits, and the layer cache, if any.
 *
 * @param source    how the image's source is reached
 * @param limits    the scan's limits
 * @param cacheFile the layer cache's file, or empty to read every layer and keep nothing
 */
public record ScanSettings(SourceOptions source, ScanLimits limits, Optional<Path> cacheFile) {

    public ScanSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(cacheFile, "cacheFile");
    }

    /**
     * Scans the image: source, layers (from the cache where verified), inventory.
     *
     * @param progress where to say which source the image is read from
     */
    public ScannedImage scan(ImageLocation image, PrintWriter progress) {
        var analyzers = Analyzers.all();
        String cacheKey = Analyzers.versionKey(analyzers) + ";limits=" + limits;
        try (ImageSource source = ImageSources.open(image, this.source);
             LayerCache cache = cacheFile.map(file -> LayerCache.open(file, cacheKey)).orElse(null)) {
            progress.println("bulwark: reading " + image.argument() + " from " + source.describe());
            progress.flush();
            return new ImageScanner(analyzers, limits, Optional.ofNullable(cache)).scan(source);
        }
    }
}
