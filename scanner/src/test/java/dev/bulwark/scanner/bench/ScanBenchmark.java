package dev.bulwark.scanner.bench;

import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.analyzer.Analyzers;
import dev.bulwark.scanner.cache.LayerCache;
import dev.bulwark.scanner.model.ScanLimits;
import dev.bulwark.scanner.source.DockerArchiveSource;
import dev.bulwark.scanner.testing.Containers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Scan speed of the Debian test image, cold (empty layer cache) and warm (every layer cached), next to one
 * {@code tar -x} of the same {@code docker save} archive. Not a test: run it with
 * {@code testing/bench/scan.sh [IMAGE [ROUNDS]]}.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String image = args.length > 0 ? args[0] : "bulwark-test/debian-pkgs:latest";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path work = Files.createTempDirectory("bulwark-bench-");
        Path archive = work.resolve("image.tar");
        Containers.exec(List.of("docker", "save", "-o", archive.toString(), image));
        System.out.printf("image %s, archive %.1f MiB, %d rounds (median)%n", image, Files.size(archive) / 1048576.0, rounds);
        scanCold(archive, work);
        double tar = median(rounds, () -> {
            Path target = work.resolve("extract-" + System.nanoTime());
            Containers.exec(List.of("mkdir", "-p", target.toString()));
            long start = System.nanoTime();
            Containers.exec(List.of("tar", "-xf", archive.toString(), "-C", target.toString()));
            long elapsed = System.nanoTime() - start;
            Containers.exec(List.of("rm", "-rf", target.toString()));
            return elapsed;
        });
        double cold = median(rounds, () -> scanCold(archive, work));
        Path cacheFile = work.resolve("warm.db");
        String key = Analyzers.versionKey(Analyzers.all());
        try (LayerCache cache = LayerCache.open(cacheFile, key)) {
            scan(archive, Optional.of(cache));
            double warm = median(rounds, () -> timed(() -> scan(archive, Optional.of(cache))));
            System.out.printf("tar -x of the archive: %8.1f ms%n", tar / 1e6);
            System.out.printf("cold scan:             %8.1f ms  (%.2f x tar -x)%n", cold / 1e6, cold / tar);
            System.out.printf("warm scan:             %8.1f ms  (%.2f x tar -x)%n", warm / 1e6, warm / tar);
        }
        Containers.exec(List.of("rm", "-rf", work.toString()));
    }

    private static long scanCold(Path archive, Path work) {
        Path cacheFile = work.resolve("cold-" + System.nanoTime() + ".db");
        try (LayerCache cache = LayerCache.open(cacheFile, Analyzers.versionKey(Analyzers.all()))) {
            return timed(() -> scan(archive, Optional.of(cache)));
        }
    }

    private static ScannedImage scan(Path archive, Optional<LayerCache> cache) {
        try (DockerArchiveSource source = new DockerArchiveSource(archive, Optional.empty())) {
            return new ImageScanner(Analyzers.all(), ScanLimits.DEFAULTS, cache.map(c -> c)).scan(source);
        }
    }

    private static long timed(Supplier<ScannedImage> work) {
        long start = System.nanoTime();
        ScannedImage scanned = work.get();
        long elapsed = System.nanoTime() - start;
        if (scanned.inventory().packages().isEmpty()) {
            throw new IllegalStateException("the scan found no packages: the benchmark measured nothing");
        }
        return elapsed;
    }

    private static double median(int rounds, Supplier<Long> run) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            times.add(run.get());
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
