package dev.bulwark.store.posture;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Where the posture store lives: an SQLite file on one host, or a PostgreSQL database shared by a fleet of Jenkins
 * agents and Docker hosts. Both are reached through one connection pool, brought to the current schema by the same
 * migrations, and written by the same statements; nothing else differs.
 */
public final class PostureDatabase implements AutoCloseable {

    /** How many times a transaction PostgreSQL aborted for a conflict with another writer is tried. */
    private static final int ATTEMPTS = 5;
    private static final String MIGRATIONS = "classpath:dev/bulwark/store/posture/migration";

    private final HikariDataSource pool;
    private final String described;

    private PostureDatabase(HikariDataSource pool, String described) {
        this.pool = pool;
        this.described = described;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Opens the store and brings its schema up to date.
     *
     * @param location a {@code jdbc:postgresql://…} URL (user and password as its parameters or in {@code ~/.pgpass}),
     *                 a {@code jdbc:sqlite:FILE} URL, or the path of an SQLite file, created when missing
     * @throws PostureStoreException when it cannot be reached or migrated, saying which and what to check; a store a newer
     *                               Bulwark migrated further is used as it is (migrations only add), so that the hosts of a
     *                               fleet can be upgraded one at a time
     */
    public static PostureDatabase open(String location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bulwark-posture");
        config.setMaximumPoolSize(4);
        // A fleet's hosts each hold one idle connection at most: an agent writes once a minute, a gate once a build.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        String described;
        if (location.startsWith("jdbc:postgresql:")) {
            config.setJdbcUrl(location);
            described = withoutSecrets(location);
        } else if (location.startsWith("jdbc:")) {
            if (!location.startsWith("jdbc:sqlite:")) {
                throw new PostureStoreException("the posture store " + withoutSecrets(location) + " is neither PostgreSQL nor"
                        + " SQLite: give a jdbc:postgresql:// URL or the path of an SQLite file");
            }
            described = sqlite(config, Path.of(location.substring("jdbc:sqlite:".length())));
        } else {
            described = sqlite(config, Path.of(location));
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new PostureStoreException("cannot connect to the posture store " + described + ": " + rootMessage(e)
                    + "; check that it is running and that the URL, user and password are right", e);
        }
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).table("posture_schema_history").loggers("slf4j")
                    .baselineOnMigrate(false).load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new PostureStoreException("cannot bring the posture store " + described + " to this version's schema: "
                    + rootMessage(e) + "; restore the store from a backup, or run the Bulwark version that migrated it", e);
        }
        return new PostureDatabase(pool, described);
    }

    private static String sqlite(HikariConfig config, Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the posture store " + absolute + ": " + e.getMessage(), e);
        }
        config.setJdbcUrl("jdbc:sqlite:" + absolute);
        // A writer waits for another (several builds, the agent) instead of failing; the write lock is taken when a
        // transaction begins, so that no reader has to be upgraded to a writer halfway through.
        config.addDataSourceProperty("busy_timeout", "60000");
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        return absolute.toString();
    }

    /** The store as it can be shown: the file, or the URL without its password. */
    public String describe() {
        return described;
    }

    /**
     * Runs the work in one transaction: all of it is committed, or none. A transaction PostgreSQL aborted for a
     * conflict with a concurrent writer (serialization failure, deadlock) is tried again, up to five times.
     */
    public <T> T transaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                if (!isConflict(e)) {
                    break;
                }
            }
        }
        throw new PostureStoreException("the posture store " + described + " refused a write: " + last.getMessage(), last);
    }

    /** Runs read-only work on one connection. */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PostureStoreException("cannot read the posture store " + described + ": " + e.getMessage(), e);
        }
    }

    private static boolean isConflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public void close() {
        pool.close();
    }
}
