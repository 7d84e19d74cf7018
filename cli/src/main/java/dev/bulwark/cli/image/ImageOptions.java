package dev.bulwark.cli.image;

import dev.bulwark.gate.ScanSettings;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.cache.LayerCache;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.ImageLocation;
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

    private ImageLocation location;

    /** Where the image is read from, as the argument names it. */
    public ImageLocation location() {
        if (location == null) {
            location = ImageLocation.parse(image);
        }
        return location;
    }

    /** The insecure registries named with --insecure-registry. */
    public java.util.Set<String> insecureRegistries() {
        return Set.copyOf(insecureRegistries);
    }

    /**
     * Reads the image from its registry, not from the Docker engine: what promotion copies is what is scanned.
     *
     * @throws IllegalArgumentException when the image is a file or the engine's alone, which cannot be copied
     */
    public ImageRef readFromRegistry() {
        ImageRef ref = location().inRegistry().orElseThrow(() -> new IllegalArgumentException(
                "promotion copies between registries: name the source as REGISTRY/REPOSITORY:TAG, not " + image));
        location = new ImageLocation.Registry(ref);
        return ref;
    }

    /** How the image is read and scanned, as the options say. */
    public ScanSettings settings() {
        ScanLimits limits = ScanLimits.DEFAULTS.withMaxLayerBytes(maxLayerBytes).withMaxFileBytes(maxFileBytes);
        SourceOptions options = new SourceOptions(Platform.parse(platform), Set.copyOf(insecureRegistries));
        Optional<Path> cache = noCache ? Optional.empty()
                : Optional.of(cacheDir == null ? LayerCache.defaultFile() : cacheDir.resolve("layers.db"));
        return new ScanSettings(options, limits, cache);
    }

    /**
     * Scans the image: source, layers (cached unless --no-cache), inventory.
     *
     * @param err where to say which source the image is read from
     */
    public ScannedImage scan(PrintWriter err) {
        return settings().scan(location(), err);
    }
}
