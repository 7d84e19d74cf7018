package dev.bulwark.notify.outbox;

import dev.bulwark.store.SqliteFiles.Durability;
import dev.bulwark.store.DiskSpace;
import dev.bulwark.store.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's SQLite file. Each method is one statement (or one statement and a read of its own row), and
 * SQLite runs a writing statement under the database's write lock, so a claim is atomic across threads and
 * processes. WAL lets readers go on while one writer writes; the busy timeout makes a second writer wait.
 * Times are epoch milliseconds; a next attempt of 0 means "due at once".
 */
final class OutboxStore implements AutoCloseable {

    static final int SCHEMA_VERSION = 1;

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS outbox (
              id              INTEGER PRIMARY KEY AUTOINCREMENT,
              idempotency_key TEXT    NOT NULL UNIQUE,
              channel         TEXT    NOT NULL,
              payload         TEXT    NOT NULL,
              state           TEXT    NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
              attempts        INTEGER NOT NULL DEFAULT 0,
              next_attempt_at INTEGER NOT NULL DEFAULT 0,
              claim_token     TEXT,
              lease_until     INTEGER,
              last_error      TEXT,
              enqueued_at     INTEGER NOT NULL,
              finished_at     INTEGER
            )""";
    private static final String DUE_INDEX = "CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at)";
    private static final String COLUMNS = "idempotency_key, channel, payload, state, attempts, next_attempt_at, last_error";

    private final Path file;
    private final Connection connection;

    private OutboxStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    private static final String FULL = "the disk holding it is full: free space there; the messages already queued are kept"
            + " and go out once there is room";

    static OutboxStore open(Path file) {
        try {
            // Durable: a message the caller was told is enqueued survives a power cut, not only a crash.
            return new OutboxStore(file, SqliteFiles.open(file, Durability.DURABLE, SCHEMA, DUE_INDEX,
                    "PRAGMA user_version = " + SCHEMA_VERSION));
        } catch (SQLException | IOException e) {
            throw new OutboxException("cannot open the notification outbox " + file + " (" + e.getMessage() + "): "
                    + (DiskSpace.isFull(e, file) ? FULL : "check that its directory is writable and on a local disk (SQLite's"
                    + " locks do not work on every network file system)"), e);
        }
    }

    synchronized boolean insert(String key, String channel, String payload, Instant now) {
        return update("enqueueing " + key, """
                INSERT OR IGNORE INTO outbox (idempotency_key, channel, payload, enqueued_at) VALUES (?, ?, ?, ?)""",
                key, channel, payload, now.toEpochMilli()) == 1;
    }

    /** Claims the oldest due, unleased message of the channels, for a lease; counts the attempt. */
    synchronized Optional<Claim> claimNext(Set<String> channels, Instant dueBy, Instant now, Instant leaseUntil, String token) {
        String placeholders = String.join(", ", Collections.nCopies(channels.size(), "?"));
        List<Object> arguments = new ArrayList<>(List.of(token, leaseUntil.toEpochMilli(), dueBy.toEpochMilli(), now.toEpochMilli()));
        arguments.addAll(channels);
        int claimed = update("claiming a message", """
                UPDATE outbox SET claim_token = ?, lease_until = ?, attempts = attempts + 1
                 WHERE id = (SELECT id FROM outbox
                              WHERE state = 'PENDING' AND next_attempt_at <= ?
                                AND (lease_until IS NULL OR lease_until <= ?) AND channel IN (%s)
                              ORDER BY next_attempt_at, id LIMIT 1)""".formatted(placeholders), arguments.toArray());
        if (claimed == 0) {
            return Optional.empty();
        }
        try (PreparedStatement query = prepare("SELECT idempotency_key, channel, payload, attempts FROM outbox WHERE claim_token = ?", token);
             ResultSet row = query.executeQuery()) {
            row.next();
            return Optional.of(new Claim(row.getString(1), row.getString(2), row.getString(3), row.getInt(4), token));
        } catch (SQLException e) {
            throw failure("reading a claimed message", e);
        }
    }

    /** Marks it delivered, whoever holds the lease now: it arrived, so nobody should send it again. */
    synchronized void markDelivered(Claim claim, Instant now) {
        update("recording delivery of " + claim.key(), """
                UPDATE outbox SET state = 'DELIVERED', finished_at = ?, claim_token = NULL, lease_until = NULL,
                 last_error = NULL WHERE idempotency_key = ? AND state = 'PENDING'""", now.toEpochMilli(), claim.key());
    }

    /** Reschedules it, unless the lease ran out and another dispatcher took it meanwhile. */
    synchronized void reschedule(Claim claim, Instant next, String reason) {
        update("rescheduling " + claim.key(), """
                UPDATE outbox SET next_attempt_at = ?, last_error = ?, claim_token = NULL, lease_until = NULL
                 WHERE idempotency_key = ? AND claim_token = ?""", next.toEpochMilli(), reason, claim.key(), claim.token());
    }

    /** Makes every pending message due {@code now}; how many were waiting for a later time. */
    synchronized int makeDue(Instant now) {
        return update("making pending messages due", """
                UPDATE outbox SET next_attempt_at = ? WHERE state = 'PENDING' AND next_attempt_at > ?""",
                now.toEpochMilli(), now.toEpochMilli());
    }

    synchronized void markFailed(Claim claim, String reason, Instant now) {
        update("recording failure of " + claim.key(), """
                UPDATE outbox SET state = 'FAILED', last_error = ?, finished_at = ?, claim_token = NULL, lease_until = NULL
                 WHERE idempotency_key = ? AND claim_token = ?""", reason, now.toEpochMilli(), claim.key(), claim.token());
    }

    synchronized List<OutboxMessage> list(OutboxMessage.State state) {
        try (PreparedStatement query = prepare("SELECT " + COLUMNS + " FROM outbox WHERE state = ? ORDER BY next_attempt_at, id", state.name());
             ResultSet rows = query.executeQuery()) {
            List<OutboxMessage> messages = new ArrayList<>();
            while (rows.next()) {
                messages.add(new OutboxMessage(rows.getString(1), rows.getString(2), rows.getString(3),
                        OutboxMessage.State.valueOf(rows.getString(4)), rows.getInt(5), nextAttempt(rows.getLong(6)),
                        Optional.ofNullable(rows.getString(7))));
            }
            return List.copyOf(messages);
        } catch (SQLException e) {
            throw failure("listing " + state.name().toLowerCase(Locale.ROOT) + " messages", e);
        }
    }

    private static Optional<Instant> nextAttempt(long epochMilli) {
        return epochMilli == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(epochMilli));
    }

    private int update(String what, String sql, Object... arguments) {
        try (PreparedStatement statement = prepare(sql, arguments)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private OutboxException failure(String what, SQLException e) {
        return new OutboxException(what + " in the notification outbox " + file + " failed (" + e.getMessage() + "); "
                + (DiskSpace.isFull(e, file) ? FULL : "if another process holds the file locked for long, check for a hung"
                + " bulwark process"), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        }
    }

    /** A message this dispatcher holds for its lease. */
    record Claim(String key, String channel, String payload, int attempts, String token) {
    }
}
