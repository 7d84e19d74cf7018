package dev.bulwark.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the SQLite files Bulwark keeps (the layer cache, the notification outbox, the agent's audit log and
 * quarantine ledger, a vulnerability database being built), creating the file and its directory when needed,
 * with the settings its {@link Durability} asks for. The one place those settings are chosen.
 */
public final class SqliteFiles {

    private SqliteFiles() {
    }

    /** What a file must survive, which decides its journal and how often it is synced. */
    public enum Durability {
        /**
         * A record the caller was told is written survives a power cut, not only a crash: write-ahead log,
         * synced at every commit; writers wait up to 30 s for each other (the outbox, the audit log, ledgers).
         */
        DURABLE("PRAGMA busy_timeout = 30000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"),
        /**
         * A cache: losing the last writes costs only a recomputation. Write-ahead log with SQLite's default sync;
         * parallel builds sharing it wait up to 60 s for each other.
         */
        CACHE("PRAGMA busy_timeout = 60000", "PRAGMA journal_mode = WAL"),
        /**
         * A file written once by one writer and renamed into place only when complete: no journal, no syncs; a
         * crash leaves a temporary file that is never used.
         */
        BULK("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF");

        private final String[] pragmas;

        Durability(String... pragmas) {
            this.pragmas = pragmas;
        }
    }

    /**
     * Opens (creating when needed) the file, then runs the schema's statements ({@code CREATE TABLE IF NOT EXISTS …}).
     *
     * @param file       the SQLite file
     * @param durability what it must survive
     * @param schema     statements that make sure its tables are there; none to leave it as it is
     * @return an open connection in auto-commit mode
     * @throws SQLException when SQLite cannot open it, apply the settings or the schema (the connection is then closed)
     * @throws IOException  when its directory cannot be created
     */
    public static Connection open(Path file, Durability durability, String... schema) throws SQLException, IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
        try (Statement statement = connection.createStatement()) {
            for (String pragma : durability.pragmas) {
                statement.execute(pragma);
            }
            for (String table : schema) {
                statement.execute(table);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
