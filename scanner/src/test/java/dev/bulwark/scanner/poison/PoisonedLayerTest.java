package dev.bulwark.scanner.poison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.cache.LayerCache;
import dev.bulwark.scanner.layer.LayerException;
import dev.bulwark.scanner.model.ImageRef;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.DockerArchiveSource;
import dev.bulwark.scanner.source.ImageSource;
import dev.bulwark.scanner.source.OciLayoutSource;
import dev.bulwark.scanner.source.Platform;
import dev.bulwark.scanner.source.RegistrySource;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.LocalRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image whose config names the diffID of a clean layer while its blob holds other packages is a scan error
 * from every source, with the cache and without it, and never a pass with the clean layer's packages.
 */
class PoisonedLayerTest {

    private final PoisonedImages images = new PoisonedImages();

    @TempDir
    Path temp;

    @Test
    void refusesAPoisonedOciLayoutEvenWhenTheCleanLayerItNamesIsCached() {
        Path cache = temp.resolve("layers.db");
        ScannedImage clean = scan(new OciLayoutSource(images.cleanLayout(temp.resolve("clean")), Optional.empty(),
                Platform.LINUX_AMD64), Optional.of(cache));
        assertThat(names(clean)).containsExactly(PoisonedImages.CLEAN_PACKAGE);

        assertRefused(new OciLayoutSource(images.poisonedLayout(temp.resolve("poisoned")), Optional.empty(),
                Platform.LINUX_AMD64), Optional.of(cache));
    }

    @Test
    void refusesAPoisonedOciLayoutWithoutACache() {
        assertRefused(new OciLayoutSource(images.poisonedLayout(temp.resolve("poisoned")), Optional.empty(),
                Platform.LINUX_AMD64), Optional.empty());
    }

    @Test
    void refusesAPoisonedDockerSaveArchiveEvenWhenTheCleanLayerItNamesIsCached() {
        Path cache = temp.resolve("layers.db");
        ScannedImage clean = scan(new DockerArchiveSource(images.cleanArchive(temp.resolve("clean")), Optional.empty()),
                Optional.of(cache));
        assertThat(names(clean)).containsExactly(PoisonedImages.CLEAN_PACKAGE);

        assertRefused(new DockerArchiveSource(images.poisonedArchive(temp.resolve("poisoned")), Optional.empty()),
                Optional.of(cache));
    }

    @Test
    void refusesAPoisonedImageInARegistryEvenWhenTheCleanLayerItNamesIsCached() {
        Path cache = temp.resolve("layers.db");
        try (LocalRegistry registry = LocalRegistry.start(temp.resolve("storage"), temp, Optional.empty())) {
            String clean = push(images.cleanLayout(temp.resolve("clean")), registry.address() + "/poison/app:clean");
            String poisoned = push(images.poisonedLayout(temp.resolve("poisoned")), registry.address() + "/poison/app:poisoned");

            assertThat(names(scan(RegistrySource.of(ImageRef.parse(clean), Platform.LINUX_AMD64, Set.of()), Optional.of(cache))))
                    .containsExactly(PoisonedImages.CLEAN_PACKAGE);
            assertRefused(RegistrySource.of(ImageRef.parse(poisoned), Platform.LINUX_AMD64, Set.of()), Optional.of(cache));
            assertRefused(RegistrySource.of(ImageRef.parse(poisoned), Platform.LINUX_AMD64, Set.of()), Optional.empty());
        }
    }

    @Test
    void stillUsesTheCacheForALayerItVerifiedBefore() {
        Path cache = temp.resolve("layers.db");
        Path layout = images.cleanLayout(temp.resolve("clean"));
        scan(new OciLayoutSource(layout, Optional.empty(), Platform.LINUX_AMD64), Optional.of(cache));

        ScannedImage again = scan(new OciLayoutSource(layout, Optional.empty(), Platform.LINUX_AMD64), Optional.of(cache));

        assertThat(again.cachedLayers()).isEqualTo(1);
        assertThat(names(again)).containsExactly(PoisonedImages.CLEAN_PACKAGE);
    }

    private void assertRefused(ImageSource source, Optional<Path> cache) {
        assertThatThrownBy(() -> scan(source, cache))
                .isInstanceOf(LayerException.class)
                .hasMessageContaining(images.cleanDiffId())
                .satisfies(error -> assertThat(error.getMessage()).containsAnyOf(images.poisonedDiffId(),
                        images.poisonedBlobDigest()))
                .hasMessageContaining("tampered with");
    }

    private static ScannedImage scan(ImageSource source, Optional<Path> cacheFile) {
        var analyzers = Analyzers.all();
        try (source; LayerCache cache = cacheFile.map(file -> LayerCache.open(file, Analyzers.versionKey(analyzers))).orElse(null)) {
            return new ImageScanner(analyzers, ScanLimits.DEFAULTS, Optional.ofNullable(cache)).scan(source);
        }
    }

    private static List<String> names(ScannedImage scanned) {
        return scanned.inventory().packages().stream().map(Package::name).toList();
    }

    /** Pushes a layout with skopeo, which copies blobs as they are: a registry takes the poisoned image too. */
    private static String push(Path layout, String reference) {
        Containers.exec(List.of("skopeo", "--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false",
                "oci:" + layout + ":1.0", "docker://" + reference));
        return reference;
    }
}
