package dev.bulwark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.store.SqliteFiles.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFilesTest {

    @TempDir
    Path directory;

    @Test
    void opensADurableFileWithAWriteAheadLogSyncedAtEveryCommitCreatingItsDirectory() throws Exception {
        Path file = directory.resolve("state/outbox.db");

        try (Connection connection = SqliteFiles.open(file, Durability.DURABLE)) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).isEqualTo("2");
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("30000");
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void opensACacheWithAWriteAheadLogAndALongerWaitForParallelBuilds() throws Exception {
        try (Connection connection = SqliteFiles.open(directory.resolve("layers.db"), Durability.CACHE)) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("60000");
        }
    }

    @Test
    void opensABulkFileWithoutJournalOrSyncs() throws Exception {
        try (Connection connection = SqliteFiles.open(directory.resolve("osv.db.tmp"), Durability.BULK)) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("off");
            assertThat(pragma(connection, "synchronous")).isEqualTo("0");
        }
    }

    @Test
    void keepsWhatADurableFileWasGivenAcrossReopening() throws Exception {
        Path file = directory.resolve("audit.db");
        try (Connection connection = SqliteFiles.open(file, Durability.DURABLE);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (v TEXT)");
            statement.execute("INSERT INTO t VALUES ('kept')");
        }
        try (Connection connection = SqliteFiles.open(file, Durability.DURABLE);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT v FROM t")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws IOException {
        Path file = Files.writeString(directory.resolve("notes.db"), "not a database, just text that is long enough");

        assertThatThrownBy(() -> {
            try (Connection connection = SqliteFiles.open(file, Durability.DURABLE)) {
                connection.createStatement().executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
        }).isInstanceOf(SQLException.class);
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
