package dev.bulwark.gate.posture;

import dev.bulwark.gate.VulnerabilityDatabase;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.scanner.bench.DbBenchmark;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.report.DatabaseSummary;
import dev.bulwark.store.posture.LocalPostgres;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureRows;
import dev.bulwark.store.posture.PostureStore;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posture refresh figures. Not a test: run {@code testing/bench/posture.sh}. Stores 1,000 inventories of 500 packages
 * (the matcher benchmark's fleet) with a passing verdict each, then times {@code bulwark posture refresh}'s work against
 * 500,000 generated advisories: a first refresh (every finding new, every change stored), a second (nothing changes),
 * and a third against a database with 1,000 advisories more, in an SQLite file and, when Debian's PostgreSQL is
 * installed, in PostgreSQL.
 */
public final class PostureBenchmark {

    /** How many advisories the updated database adds. */
    private static final int ADDED = 1_000;

    private PostureBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("bulwark-posture-bench-");
        System.out.println("collector: " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList() + " (bulwark posture runs with the parallel collector)");
        Path db = work.resolve("generated.db");
        long started = System.nanoTime();
        DbBenchmark.generate(db);
        System.out.printf("building 500,000 generated advisories: %8.1f ms%n", (System.nanoTime() - started) / 1e6);
        Path updated = work.resolve("updated.db");
        DbBenchmark.generate(updated, ADDED);
        List<Inventory> fleet = DbBenchmark.fleet();
        Path policyFile = Files.writeString(work.resolve("policy.yaml"), String.join("\n", "apiVersion: bulwark.dev/v1", "kind: Policy",
                "metadata: {name: bench}", "stages:", "  - name: production", "    gate:", "      severity: {fail: high}", ""));
        Policy policy = new PolicyLoader().load(policyFile);
        bench("SQLite", work.resolve("posture.db").toString(), fleet, db, updated, policy);
        if (args.length > 0 && args[0].equals("sqlite")) {
            return;
        }
        if (Files.isDirectory(Path.of("/usr/lib/postgresql"))) {
            try (LocalPostgres postgres = LocalPostgres.start(work)) {
                bench("PostgreSQL", postgres.newDatabase(), fleet, db, updated, policy);
            }
        } else {
            System.out.println("PostgreSQL: not installed (apt-get install postgresql), not measured");
        }
    }

    private static void bench(String kind, String location, List<Inventory> fleet, Path db, Path updated, Policy policy) {
        try (PostureDatabase store = PostureDatabase.open(location)) {
            long stored = time(() -> storeFleet(new PostureStore(store), fleet));
            System.out.printf("%s: storing %,d inventories of 500 packages with their verdicts: %8.1f ms%n", kind, fleet.size(), stored / 1e6);
            refresh(kind, store, db, policy, "first refresh (every finding is new to the store: the worst case)");
            refresh(kind, store, db, policy, "second refresh (the same database: nothing changes)");
            refresh(kind, store, updated, policy, "third refresh (a database with " + ADDED + " new advisories)");
        }
    }

    private static void refresh(String kind, PostureDatabase store, Path db, Policy policy, String round) {
        try (VulnDb vulns = VulnDb.open(db)) {
            DatabaseSummary summary = VulnerabilityDatabase.summary(vulns.metadata(), Duration.ofDays(36_500), false, Clock.systemUTC());
            PostureRefresh.Result[] result = new PostureRefresh.Result[1];
            long took = time(() -> result[0] = new PostureRefresh(Clock.systemUTC(), "bench").refresh(store, vulns, summary, policy, List.of()));
            System.out.printf("%s: %s, %,d images against %,d advisories: %8.1f ms (goal: under 10,000 ms); %,d verdicts, %,d images"
                            + " changed, %,d changes%n", kind, round, result[0].images(), vulns.metadata().advisories(), took / 1e6,
                    result[0].judged(), result[0].changed().size(), result[0].changed().stream().mapToInt(c -> c.changes().size()).sum());
        }
    }

    private static void storeFleet(PostureStore store, List<Inventory> fleet) {
        StoredImage facts = new StoredImage("bench", "app", Map.of(), List.of(), 1L << 20, "linux", "amd64");
        for (int i = 0; i < fleet.size(); i++) {
            String digest = "sha256:" + String.format("%064x", i);
            store.saveScan(new PostureRows.Image(digest, "team/app-" + i % 50, "team/app-" + i % 50 + ":" + i, PostureJson.write(facts),
                    PostureJson.write(fleet.get(i)), Instant.now()), Optional.of(new PostureRows.Verdict(digest, "production", "bench",
                    "pass", "[]", Instant.now(), Instant.EPOCH)));
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
