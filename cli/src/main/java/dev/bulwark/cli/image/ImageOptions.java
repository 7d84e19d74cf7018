package dev.bulwark.cli.image;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.cache.LayerCache;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.ImageSource;
import dev.bulwark.scanner.source.ImageSources;
import dev.bulwark.scanner.source.Platform;
import dev.bulwark.scanner.source.SourceOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The image argument and the options on how to read it, shared by every command that scans an image. */
public final class ImageOptions {

    @Parameters(index = "0", paramLabel = "IMAGE", description = {
        "the image: NAME[:TAG|@DIGEST] (the Docker engine's, else the registry's),",
        "daemon:NAME, registry:NAME, docker-archive:PATH (docker save) or oci:PATH[:REF] (OCI layout, dir or tar)"})
    String image;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "the platform to pick from a multi-platform image (default: ${DEFAULT-VALUE})")
    String platform;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "a registry that may be reached over plain HTTP (localhost always may); repeatable")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "where analysed layers are kept (default: $XDG_CACHE_HOME/bulwark or ~/.cache/bulwark)")
    Path cacheDir;

    @Option(names = "--no-cache", description = "read every layer, and keep nothing")
    boolean noCache;

    @Option(names = "--max-layer-bytes", paramLabel = "BYTES", description = "uncompressed bytes allowed in one layer (default: 32 GiB)")
    long maxLayerBytes = ScanLimits.DEFAULTS.maxLayerBytes();

    @Option(names = "--max-file-bytes", paramLabel = "BYTES", description = "largest file an analyzer reads (default: 256 MiB)")
    long maxFileBytes = ScanLimits.DEFAULTS.maxFileBytes();

    /** The image argument as given. */
    public String image() {
        return image;
    }

    /** The insecure registries named with --insecure-registry. */
    public java.util.Set<String> insecureRegistries() {
        return Set.copyOf(insecureRegistries);
    }

    /** Reads the image from its registry, not from the Docker engine: what promotion copies is what is scanned. */
    public void readFromRegistry() {
        if (!image.startsWith("registry:")) {
            if (image.contains(":") && (image.startsWith("docker-archive:") || image.startsWith("oci:") || image.startsWith("daemon:"))) {
                throw new IllegalArgumentException("promotion copies between registries: name the source as REGISTRY/REPOSITORY:TAG, not " + image);
            }
            image = "registry:" + image;
        }
    }

    /**
     * Scans the image: source, layers (cached unless --no-cache), inventory.
     *
     * @param err where to say which source the image is read from
     */
    public ScannedImage scan(PrintWriter err) {
        var analyzers = Analyzers.all();
        ScanLimits limits = ScanLimits.DEFAULTS.withMaxLayerBytes(maxLayerBytes).withMaxFileBytes(maxFileBytes);
        SourceOptions options = new SourceOptions(Platform.parse(platform), Set.copyOf(insecureRegistries));
        String cacheKey = Analyzers.versionKey(analyzers) + ";limits=" + limits;
        try (ImageSource source = ImageSources.open(image, options);
             LayerCache cache = noCache ? null : LayerCache.open(cacheFile(), cacheKey)) {
            err.println("bulwark: reading " + image + " from " + source.describe());
            err.flush();
            return new ImageScanner(analyzers, limits, Optional.ofNullable(cache)).scan(source);
        }
    }

    private Path cacheFile() {
        return cacheDir == null ? LayerCache.defaultFile() : cacheDir.resolve("layers.db");
    }
}
