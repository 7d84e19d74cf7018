package dev.bulwark.store.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.store.posture.PostureRows.Image;
import dev.bulwark.store.posture.PostureRows.Promotion;
import dev.bulwark.store.posture.PostureRows.Running;
import dev.bulwark.store.posture.PostureRows.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writers racing on one store (two gates storing the same images, an agent reporting its host again and again) leave
 * every record exactly once, in an SQLite file and in PostgreSQL alike, each through its own pool as separate
 * processes would.
 */
class PostureStoreConcurrencyTest {

    private static final int IMAGES = 60;
    private static final int REPORTS = 40;

    @TempDir
    static Path temp;

    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start(temp);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String location(String kind) {
        return kind.equals("postgresql") ? postgres.newDatabase() : temp.resolve(kind + System.nanoTime() + ".db").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void threeWritersAtOnceLoseAndDuplicateNothing(String kind) throws Exception {
        String location = location(kind);
        try (PostureDatabase first = PostureDatabase.open(location)) {
            assertThat(new PostureQueries(first).images()).isEmpty();
        }
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        done.add(writers.submit(() -> gate(location, "build-a")));
        done.add(writers.submit(() -> gate(location, "build-b")));
        done.add(writers.submit(() -> agent(location)));
        for (Future<?> writer : done) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writers.shutdown();
        try (PostureDatabase store = PostureDatabase.open(location)) {
            PostureQueries read = new PostureQueries(store);
            assertThat(read.images()).hasSize(IMAGES);
            assertThat(read.verdicts()).hasSize(IMAGES * 2);
            assertThat(read.verdicts()).extracting(Verdict::stage).containsOnly("dev", "test");
            assertThat(read.promotions()).hasSize(IMAGES);
            assertThat(read.running()).hasSize(6);
            assertThat(read.running()).allMatch(running -> running.containers() == REPORTS);
        }
    }

    /** A gate run per image; both builds store every image (the same digests), each judging at its own stage. */
    private static Void gate(String location, String build) {
        try (PostureDatabase store = PostureDatabase.open(location)) {
            PostureStore write = new PostureStore(store);
            String stage = build.equals("build-a") ? "dev" : "test";
            for (int i = 0; i < IMAGES; i++) {
                String digest = "sha256:" + String.format("%064d", i);
                write.saveScan(new Image(digest, "team/app" + i % 7, "team/app:" + i, "{}", "{\"by\":\"" + build + "\"}",
                        Instant.now()), Optional.of(new Verdict(digest, stage, "strict", "pass", "[]", Instant.now(), Instant.EPOCH)));
                if (build.equals("build-a")) {
                    write.savePromotion(new Promotion(digest, "registry.test", "team/app" + i % 7, "1." + i, "staging", Instant.now()));
                }
            }
        }
        return null;
    }

    /** An agent reporting three hosts again and again, the same two images on each, with ever more containers. */
    private static Void agent(String location) {
        try (PostureDatabase store = PostureDatabase.open(location)) {
            PostureStore write = new PostureStore(store);
            for (int report = 1; report <= REPORTS; report++) {
                for (String host : List.of("host-1", "host-2", "host-3")) {
                    Instant now = Instant.now();
                    write.reportRunning(host, List.of(new Running(host, "sha256:" + String.format("%064d", 1), report, now, now),
                            new Running(host, "sha256:" + String.format("%064d", 2), report, now, now)));
                }
            }
        }
        return null;
    }
}
