package dev.bulwark.agent.audit;

import dev.bulwark.store.SqliteFiles.Durability;
import dev.bulwark.store.SqliteFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail's SQLite table. Insert only: triggers refuse updates and deletes, so not even a stray
 * statement through another connection can rewrite history.
 */
final class AuditTable implements AutoCloseable {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS audit (
              id             INTEGER PRIMARY KEY AUTOINCREMENT,
              at             TEXT NOT NULL,
              container_id   TEXT NOT NULL,
              container_name TEXT NOT NULL,
              image_digest   TEXT NOT NULL,
              rule           TEXT NOT NULL,
              decision       TEXT NOT NULL,
              response       TEXT NOT NULL,
              mode           TEXT NOT NULL,
              observation    TEXT NOT NULL,
              detail         TEXT NOT NULL
            )""";
    private static final List<String> GUARDS = List.of(
            "CREATE INDEX IF NOT EXISTS audit_container ON audit (container_id, id)",
            "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit"
                    + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit"
                    + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
    private static final String COLUMNS =
            "at, container_id, container_name, image_digest, rule, decision, response, mode, observation, detail";

    private final Path file;
    private final Connection connection;

    private AuditTable(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static AuditTable open(Path file) throws SQLException, IOException {
        List<String> schema = new ArrayList<>(List.of(SCHEMA));
        schema.addAll(GUARDS);
        return new AuditTable(file, SqliteFiles.open(file, Durability.DURABLE, schema.toArray(String[]::new)));
    }

    /**
     * Starts a transaction: what is inserted stays invisible and undone until {@link #commit}. Plain SQL rather than
     * the driver's auto-commit switch: SQLite itself rolls a transaction back when a commit finds the disk full, and
     * the driver would not know and go on committing a transaction that is no longer there.
     */
    void begin() throws SQLException {
        execute("BEGIN IMMEDIATE");
    }

    void commit() throws SQLException {
        execute("COMMIT");
    }

    /** Undoes what was inserted since {@link #begin}; nothing to undo when SQLite already rolled it back. */
    void rollback() throws SQLException {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                throw e;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Inserts the entry and returns its sequence number. */
    long insert(AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, 1, entry);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The sequence number of the last entry committed, 0 when there is none. */
    long lastSeq() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM audit")) {
            max.next();
            return max.getLong(1);
        }
    }

    /** Inserts the journal's lines the table lost, each under the sequence number the journal gives it. */
    void recover(List<JournalRecovery.Uncommitted> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        begin();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit (id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (JournalRecovery.Uncommitted line : lines) {
                insert.setLong(1, line.seq());
                bind(insert, 2, line.entry());
                insert.executeUpdate();
            }
            commit();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
    }

    private static void bind(PreparedStatement insert, int first, AuditEntry entry) throws SQLException {
        insert.setString(first, entry.at().toString());
        insert.setString(first + 1, entry.containerId());
        insert.setString(first + 2, entry.containerName());
        insert.setString(first + 3, entry.imageDigest());
        insert.setString(first + 4, entry.rule());
        insert.setString(first + 5, entry.decision());
        insert.setString(first + 6, entry.response());
        insert.setString(first + 7, entry.mode());
        insert.setString(first + 8, entry.observationJson());
        insert.setString(first + 9, entry.detail());
    }

    List<AuditEntry> recent(int limit) throws SQLException {
        List<AuditEntry> newestFirst = select("ORDER BY id DESC LIMIT ?", limit);
        List<AuditEntry> oldestFirst = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            oldestFirst.add(newestFirst.get(i));
        }
        return oldestFirst;
    }

    List<AuditEntry> forContainer(String containerId) throws SQLException {
        return select("WHERE container_id = ? ORDER BY id", containerId);
    }

    private List<AuditEntry> select(String clause, Object parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit " + clause)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new AuditEntry(Instant.parse(rows.getString(1)), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10)));
                }
                return entries;
            }
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
