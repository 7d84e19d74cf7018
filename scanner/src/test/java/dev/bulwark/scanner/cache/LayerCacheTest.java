package dev.bulwark.scanner.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.policy.pkg.Purl;
import dev.bulwark.scanner.model.AnalyzerFailure;
import dev.bulwark.scanner.model.OsRelease;
import dev.bulwark.scanner.model.Package;
import dev.bulwark.scanner.layer.LayerAnalysis;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCacheTest {

    @TempDir
    Path temp;

    static LayerAnalysis analysis(String diffId) {
        Package pkg = new Package(Ecosystem.DEB, "libc6", "2.36-9+deb12u4", Purl.parse("pkg:deb/libc6@2.36-9%2Bdeb12u4?arch=amd64"),
                "glibc", "2.36-9+deb12u4", diffId, "/var/lib/dpkg/status");
        return new LayerAnalysis(diffId, new java.util.TreeMap<>(Map.of("var/lib/dpkg/status", List.of(pkg))),
                new java.util.TreeMap<>(Map.of("usr/lib/os-release", new OsRelease("debian", "12", "bookworm", "Debian 12"))),
                new java.util.TreeMap<>(Map.of("etc/os-release", "../usr/lib/os-release")), new java.util.TreeSet<>(Set.of("tmp/x")),
                new java.util.TreeSet<>(Set.of("var/cache")), List.of(new AnalyzerFailure("layer", "/../x", "skipped")));
    }

    @Test
    void givesBackExactlyTheAnalysisItStored() {
        try (LayerCache cache = LayerCache.open(temp.resolve("layers.db"), "analyzers-v1")) {
            cache.store("sha256:blob-a", analysis("sha256:aaa"));

            assertThat(cache.find("sha256:aaa")).contains(analysis("sha256:aaa"));
            assertThat(cache.find("sha256:bbb")).isEmpty();
        }
    }

    @Test
    void remembersWhichDiffIdEachStoredBlobWasVerifiedToDecompressTo() {
        try (LayerCache cache = LayerCache.open(temp.resolve("layers.db"), "analyzers-v1")) {
            cache.store("sha256:blob-a", analysis("sha256:aaa"));

            assertThat(cache.verifiedDiffId("sha256:blob-a")).contains("sha256:aaa");
            assertThat(cache.verifiedDiffId("sha256:aaa")).as("a diffID is no blob digest").isEmpty();
        }
    }

    @Test
    void forgetsWhatEarlierVersionsCachedUnderClaimedDiffIds() throws Exception {
        Path file = temp.resolve("layers.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = old.createStatement()) {
            statement.execute("CREATE TABLE layer_results (diff_id TEXT NOT NULL, analyzers TEXT NOT NULL,"
                    + " result TEXT NOT NULL, stored_at TEXT, PRIMARY KEY (diff_id, analyzers))");
            statement.execute("INSERT INTO layer_results (diff_id, analyzers, result) VALUES ('sha256:aaa', 'analyzers-v1', '{}')");
        }
        try (LayerCache cache = LayerCache.open(file, "analyzers-v1");
             Connection check = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet tables = check.getMetaData().getTables(null, null, "layer_results", null)) {
            assertThat(cache.find("sha256:aaa")).isEmpty();
            assertThat(tables.next()).as("the old table is gone").isFalse();
        }
    }

    @Test
    void missesWhenTheAnalyzersChanged() {
        Path file = temp.resolve("layers.db");
        try (LayerCache old = LayerCache.open(file, "dpkg:1")) {
            old.store("sha256:blob-a", analysis("sha256:aaa"));
        }
        try (LayerCache upgraded = LayerCache.open(file, "dpkg:2")) {
            assertThat(upgraded.find("sha256:aaa")).isEmpty();
        }
    }

    @Test
    void twoProcessesWritingTheSameCacheAtOnceLoseNothing() throws Exception {
        Path file = temp.resolve("shared.db");
        int each = 150;
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CacheWriter.class.getName(), file.toString(), "sha256:child-",
                String.valueOf(each))).inheritIO().start();
        CacheWriter.main(new String[] {file.toString(), "sha256:parent-", String.valueOf(each)});
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();

        List<String> missing = new ArrayList<>();
        try (LayerCache cache = LayerCache.open(file, "analyzers-v1")) {
            for (int i = 0; i < each; i++) {
                for (String prefix : List.of("sha256:child-", "sha256:parent-")) {
                    if (!cache.find(prefix + i).equals(java.util.Optional.of(analysis(prefix + i)))) {
                        missing.add(prefix + i);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
