package dev.bulwark.store.posture;

import dev.bulwark.store.posture.PostureRows.Change;
import dev.bulwark.store.posture.PostureRows.Image;
import dev.bulwark.store.posture.PostureRows.Promotion;
import dev.bulwark.store.posture.PostureRows.Running;
import dev.bulwark.store.posture.PostureRows.Trend;
import dev.bulwark.store.posture.PostureRows.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes the posture store: every statement is an insert that updates the row already there by its key, so that
 * writers racing on one record (two builds of one image, an agent reporting twice) leave one row, never two, and each
 * call is one transaction, so that none leaves half its rows. Reading is {@link PostureQueries}'.
 */
public final class PostureStore {

    private static final String UPSERT_IMAGE = "INSERT INTO posture_image (digest, repository, reference, facts, inventory, stored_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO UPDATE SET repository = excluded.repository,"
            + " reference = excluded.reference, facts = excluded.facts, inventory = excluded.inventory, stored_at = excluded.stored_at";
    private static final String UPSERT_VERDICT = "INSERT INTO posture_verdict (digest, stage, policy, verdict, findings, judged_at,"
            + " database_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (digest, stage) DO UPDATE SET policy = excluded.policy,"
            + " verdict = excluded.verdict, findings = excluded.findings, judged_at = excluded.judged_at,"
            + " database_at = excluded.database_at";
    private static final String UPSERT_PROMOTION = "INSERT INTO posture_promotion (digest, registry, repository, tag, stage, promoted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (digest, registry, repository, tag, stage) DO UPDATE SET"
            + " promoted_at = excluded.promoted_at";
    private static final String UPSERT_RUNNING = "INSERT INTO posture_running (host, digest, containers, since, reported_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (host, digest) DO UPDATE SET containers = excluded.containers,"
            + " since = excluded.since, reported_at = excluded.reported_at";
    private static final String UPSERT_CHANGE = "INSERT INTO posture_change (refresh, digest, stage, kind, subject, detail, changed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (refresh, digest, stage, kind, subject) DO UPDATE SET"
            + " detail = excluded.detail, changed_at = excluded.changed_at";
    private static final String UPSERT_TREND = "INSERT INTO posture_trend (repository, measured_at, critical, high, medium, low, other)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repository, measured_at) DO UPDATE SET critical = excluded.critical,"
            + " high = excluded.high, medium = excluded.medium, low = excluded.low, other = excluded.other";

    private final PostureDatabase database;

    public PostureStore(PostureDatabase database) {
        this.database = database;
    }

    /** Stores what a gate or scan read of an image and, when it was judged, its verdict at that stage. */
    public void saveScan(Image image, Optional<Verdict> verdict) {
        database.transaction(connection -> {
            upsertImage(connection, image);
            if (verdict.isPresent()) {
                upsertVerdicts(connection, List.of(verdict.get()));
            }
            return null;
        });
    }

    /** Records where a promotion took an image. */
    public void savePromotion(Promotion promotion) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(UPSERT_PROMOTION)) {
                insert.setString(1, promotion.digest());
                insert.setString(2, promotion.registry());
                insert.setString(3, promotion.repository());
                insert.setString(4, promotion.tag());
                insert.setString(5, promotion.stage());
                insert.setLong(6, promotion.at().toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Replaces what a host runs with its agent's latest report: images no longer running there are gone, the rest
     * updated, in one transaction (a reader sees the old report or the new one).
     */
    public void reportRunning(String host, List<Running> running) {
        List<Running> ordered = running.stream().sorted(Comparator.comparing(Running::digest)).toList();
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM posture_running WHERE host = ?")) {
                delete.setString(1, host);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(UPSERT_RUNNING)) {
                for (Running image : ordered) {
                    if (!image.host().equals(host)) {
                        throw new IllegalArgumentException("a report of " + host + " names another host: " + image.host());
                    }
                    insert.setString(1, host);
                    insert.setString(2, image.digest());
                    insert.setInt(3, image.containers());
                    insert.setLong(4, image.since().toEpochMilli());
                    insert.setLong(5, image.reportedAt().toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Stores what one refresh decided: every verdict it re-judged, what changed, and the trend point it measured. */
    public void saveRefresh(List<Verdict> verdicts, List<Change> changes, List<Trend> trend) {
        database.transaction(connection -> {
            upsertVerdicts(connection, verdicts);
            try (PreparedStatement insert = connection.prepareStatement(UPSERT_CHANGE)) {
                for (Change change : changes) {
                    insert.setString(1, change.refresh());
                    insert.setString(2, change.digest());
                    insert.setString(3, change.stage());
                    insert.setString(4, change.kind());
                    insert.setString(5, change.subject());
                    insert.setString(6, change.detail());
                    insert.setLong(7, change.at().toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(UPSERT_TREND)) {
                for (Trend point : trend) {
                    insert.setString(1, point.repository());
                    insert.setLong(2, point.at().toEpochMilli());
                    insert.setInt(3, point.critical());
                    insert.setInt(4, point.high());
                    insert.setInt(5, point.medium());
                    insert.setInt(6, point.low());
                    insert.setInt(7, point.other());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static void upsertImage(Connection connection, Image image) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(UPSERT_IMAGE)) {
            insert.setString(1, image.digest());
            insert.setString(2, image.repository());
            insert.setString(3, image.reference());
            insert.setString(4, image.facts());
            insert.setString(5, image.inventory());
            insert.setLong(6, image.storedAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static void upsertVerdicts(Connection connection, List<Verdict> verdicts) throws SQLException {
        List<Verdict> ordered = verdicts.stream().sorted(Comparator.comparing(Verdict::digest).thenComparing(Verdict::stage)).toList();
        try (PreparedStatement insert = connection.prepareStatement(UPSERT_VERDICT)) {
            for (Verdict verdict : ordered) {
                insert.setString(1, verdict.digest());
                insert.setString(2, verdict.stage());
                insert.setString(3, verdict.policy());
                insert.setString(4, verdict.verdict());
                insert.setString(5, verdict.findings());
                insert.setLong(6, verdict.judgedAt().toEpochMilli());
                insert.setLong(7, verdict.databaseAt().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** When an instant was stored. */
    static Instant at(long epochMilli) {
        return Instant.ofEpochMilli(epochMilli);
    }
}
