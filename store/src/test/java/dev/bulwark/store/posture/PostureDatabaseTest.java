package dev.bulwark.store.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostureDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void createsTheSqliteFileAndItsDirectoryWithTheSchema() {
        Path file = dir.resolve("a/b/posture.db");
        try (PostureDatabase store = PostureDatabase.open(file.toString())) {
            assertThat(file).exists();
            assertThat(store.describe()).isEqualTo(file.toAbsolutePath().toString());
            assertThat(new PostureQueries(store).verdicts()).isEmpty();
        }
        try (PostureDatabase again = PostureDatabase.open("jdbc:sqlite:" + file)) {
            assertThat(new PostureQueries(again).images()).isEmpty();
        }
    }

    @Test
    void aStoreANewerBulwarkMigratedStillOpensSoThatHostsCanBeUpgradedOneAtATime() {
        String file = dir.resolve("posture.db").toString();
        try (PostureDatabase store = PostureDatabase.open(file)) {
            history(store, "INSERT INTO posture_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'bulwark', CURRENT_TIMESTAMP, 1, 1)");
        }
        try (PostureDatabase older = PostureDatabase.open(file)) {
            assertThat(new PostureQueries(older).images()).isEmpty();
        }
    }

    @Test
    void refusesAStoreWhoseAppliedMigrationWasChangedInsteadOfWritingIt() {
        String file = dir.resolve("posture.db").toString();
        try (PostureDatabase store = PostureDatabase.open(file)) {
            history(store, "UPDATE posture_schema_history SET checksum = 12345 WHERE version = '1'");
        }
        assertThatThrownBy(() -> PostureDatabase.open(file)).isInstanceOf(PostureStoreException.class)
                .hasMessageContaining("cannot bring the posture store " + file + " to this version's schema")
                .hasMessageContaining("checksum");
    }

    private static void history(PostureDatabase store, String sql) {
        store.transaction(connection -> {
            try (Statement change = connection.createStatement()) {
                change.execute(sql);
            }
            return null;
        });
    }

    @Test
    void saysWhichPostgresCannotBeReachedWithoutItsPassword() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/bulwark?user=gate&password=s3cret&connectTimeout=2";
        assertThatThrownBy(() -> PostureDatabase.open(url)).isInstanceOf(PostureStoreException.class)
                .hasMessageContaining("cannot connect to the posture store jdbc:postgresql://127.0.0.1:" + closed)
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("check that it is running");
    }

    @Test
    void refusesADatabaseItDoesNotKnow() {
        assertThatThrownBy(() -> PostureDatabase.open("jdbc:mysql://db/bulwark")).isInstanceOf(PostureStoreException.class)
                .hasMessageContaining("neither PostgreSQL nor SQLite");
    }

    @Test
    void keepsNothingOfATransactionThatFailedHalfway() {
        try (PostureDatabase store = PostureDatabase.open(dir.resolve("posture.db").toString())) {
            assertThatThrownBy(() -> store.transaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO posture_running (host, digest, containers,"
                        + " since, reported_at) VALUES ('h', 'sha256:1', 1, 0, 0)")) {
                    insert.executeUpdate();
                }
                throw new IllegalStateException("failed after the first row");
            })).hasMessage("failed after the first row");
            assertThat(new PostureQueries(store).running()).isEmpty();
        }
    }
}
