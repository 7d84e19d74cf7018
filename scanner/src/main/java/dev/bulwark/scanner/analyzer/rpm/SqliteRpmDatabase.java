package dev.bulwark.scanner.analyzer.rpm;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.sqlite.SQLiteConfig;

/**
 * The package headers in an rpm database of the sqlite backend (rpm 4.16 and later): table {@code Packages}, one
 * row per installed package, {@code hnum} its number and {@code blob} its header.
 */
final class SqliteRpmDatabase {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteRpmDatabase() {
    }

    static boolean looksLikeSqlite(byte[] content) {
        return content.length >= SQLITE_MAGIC.length
                && Arrays.equals(content, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length);
    }

    /**
     * Reads every header in hnum order and decodes it with {@code decode(hnum, blob)}. The database is opened read-only
     * from a private copy, which is removed afterwards whatever happens; its schema is not trusted.
     *
     * @throws RpmDatabaseException if the file is not an SQLite database or has no Packages table
     */
    static <T> List<T> readHeaders(byte[] database, BiFunction<Long, byte[], T> decode) {
        if (!looksLikeSqlite(database)) {
            throw new RpmDatabaseException("it is not an SQLite database: it does not start with \"SQLite format 3\"");
        }
        try (PrivateCopy copy = new PrivateCopy("rpmdb", database);
             Connection connection = open(copy)) {
            requirePackagesTable(connection);
            List<T> decoded = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
                while (rows.next()) {
                    decoded.add(decode.apply(rows.getLong(1), rows.getBytes(2)));
                }
            }
            return decoded;
        } catch (SQLException e) {
            throw new RpmDatabaseException("SQLite cannot read it: " + e.getMessage(), e);
        }
    }

    private static Connection open(PrivateCopy copy) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy.file(), config.toProperties());
        try (Statement statement = connection.createStatement()) {
            // The file comes from an image: its views and triggers must not run functions with side effects.
            statement.execute("PRAGMA trusted_schema = OFF");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void requirePackagesTable(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT type FROM sqlite_master WHERE name = ?")) {
            query.setString(1, "Packages");
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || !"table".equals(rows.getString(1))) {
                    throw new RpmDatabaseException("it is an SQLite database without a Packages table, so not an rpm database");
                }
            }
        }
    }
}
