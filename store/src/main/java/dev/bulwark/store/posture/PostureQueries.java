package dev.bulwark.store.posture;

import dev.bulwark.store.posture.PostureRows.Change;
import dev.bulwark.store.posture.PostureRows.Image;
import dev.bulwark.store.posture.PostureRows.Promotion;
import dev.bulwark.store.posture.PostureRows.Running;
import dev.bulwark.store.posture.PostureRows.Trend;
import dev.bulwark.store.posture.PostureRows.Verdict;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the posture store, each list in a stable order (by its key). */
public final class PostureQueries {

    private final PostureDatabase database;

    public PostureQueries(PostureDatabase database) {
        this.database = database;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every stored image, inventory included. */
    public List<Image> images() {
        return list("SELECT digest, repository, reference, facts, inventory, stored_at FROM posture_image ORDER BY digest",
                row -> new Image(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        PostureStore.at(row.getLong(6))));
    }

    /** The latest verdict of every image at every stage it was judged at. */
    public List<Verdict> verdicts() {
        return list("SELECT digest, stage, policy, verdict, findings, judged_at, database_at FROM posture_verdict ORDER BY digest, stage",
                row -> new Verdict(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        PostureStore.at(row.getLong(6)), PostureStore.at(row.getLong(7))));
    }

    /** Every promotion recorded. */
    public List<Promotion> promotions() {
        return list("SELECT digest, registry, repository, tag, stage, promoted_at FROM posture_promotion"
                        + " ORDER BY digest, registry, repository, tag, stage",
                row -> new Promotion(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        PostureStore.at(row.getLong(6))));
    }

    /** What every host's agent last reported running. */
    public List<Running> running() {
        return list("SELECT host, digest, containers, since, reported_at FROM posture_running ORDER BY host, digest",
                row -> new Running(row.getString(1), row.getString(2), row.getInt(3), PostureStore.at(row.getLong(4)),
                        PostureStore.at(row.getLong(5))));
    }

    /** Every change recorded, newest first. */
    public List<Change> changes() {
        return list("SELECT refresh, digest, stage, kind, subject, detail, changed_at FROM posture_change"
                        + " ORDER BY changed_at DESC, refresh, digest, stage, kind, subject",
                row -> new Change(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), PostureStore.at(row.getLong(7))));
    }

    /** Every trend point, oldest first. */
    public List<Trend> trend() {
        return list("SELECT repository, measured_at, critical, high, medium, low, other FROM posture_trend"
                        + " ORDER BY measured_at, repository",
                row -> new Trend(row.getString(1), PostureStore.at(row.getLong(2)), row.getInt(3), row.getInt(4), row.getInt(5),
                        row.getInt(6), row.getInt(7)));
    }

    private <T> List<T> list(String sql, Row<T> reader) {
        return database.read(connection -> {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        });
    }
}
