package dev.bulwark.scanner.cache;

import java.nio.file.Path;

/** Run in a second JVM by {@link LayerCacheTest}: writes and reads layer results in a shared cache file. */
public final class CacheWriter {

    private CacheWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        try (LayerCache cache = LayerCache.open(file, "analyzers-v1")) {
            for (int i = 0; i < count; i++) {
                cache.store("sha256:blob-" + prefix + i, LayerCacheTest.analysis(prefix + i));
                if (cache.find(prefix + i).isEmpty()) {
                    throw new IllegalStateException("wrote " + prefix + i + " but cannot read it back");
                }
            }
        }
    }
}
