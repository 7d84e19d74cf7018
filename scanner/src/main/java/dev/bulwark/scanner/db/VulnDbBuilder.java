package dev.bulwark.scanner.db;

import dev.bulwark.store.SqliteFiles.Durability;
import dev.bulwark.store.DiskSpace;
import dev.bulwark.store.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Writes a new database into a temp file beside the target and, only when every record is in, renames it
 * over the target in one step: a reader sees the old database or the new one, never half of one.
 */
public final class VulnDbBuilder implements AutoCloseable {

    private static final int BATCH = 2000;

    private final Path target;
    private final Path temp;
    private final Connection connection;
    private final PreparedStatement deleteAffected;
    private final PreparedStatement insertAdvisory;
    private final PreparedStatement insertAffected;
    private final PreparedStatement lastRow;
    private final Set<String> added = new HashSet<>();
    private long records;
    private Instant newestModified;
    private boolean finished;

    private VulnDbBuilder(Path target, Path temp, Connection connection) throws SQLException {
        this.target = target;
        this.temp = temp;
        this.connection = connection;
        this.deleteAffected = connection.prepareStatement("DELETE FROM affected WHERE advisory = (SELECT num FROM advisory WHERE id = ?)");
        this.insertAdvisory = connection.prepareStatement("INSERT OR REPLACE INTO advisory (id, record) VALUES (?, ?)");
        this.insertAffected = connection.prepareStatement(
                "INSERT INTO affected (ecosystem, name, advisory, entry) VALUES (?, ?, ?, ?)");
        this.lastRow = connection.prepareStatement("SELECT last_insert_rowid()");
    }

    /** Starts a database that will replace {@code target}. */
    public static VulnDbBuilder create(Path target) {
        Path temp = null;
        try {
            Path directory = target.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
            Connection connection = SqliteFiles.open(temp, Durability.BULK);
            try (Statement statement = connection.createStatement()) {
                for (String table : DbFormat.SCHEMA) {
                    statement.execute(table);
                }
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new VulnDbBuilder(target, temp, connection);
        } catch (IOException | SQLException e) {
            removeQuietly(temp, e);
            String hint = spaceHint(e, target.toAbsolutePath().getParent());
            throw new DbException("cannot create a vulnerability database beside " + target + " (" + e.getMessage() + ")"
                    + (hint.isEmpty() ? ": check that the directory is writable, or choose another database file" : hint), e);
        }
    }

    /** Adds (or replaces, by ID) a record. */
    public void add(OsvRecord record) {
        try {
            if (!added.add(record.id())) {
                // A later source carries the same record: it replaces the earlier one, affected entries and all.
                deleteAffected.setString(1, record.id());
                deleteAffected.executeUpdate();
            }
            insertAdvisory.setString(1, record.id());
            insertAdvisory.setBytes(2, RecordCodec.encode(record));
            insertAdvisory.executeUpdate();
            long num;
            try (var row = lastRow.executeQuery()) {
                row.next();
                num = row.getLong(1);
            }
            for (int i = 0; i < record.affected().size(); i++) {
                OsvRecord.Affected affected = record.affected().get(i);
                insertAffected.setString(1, PackageNames.ecosystemKey(affected.ecosystem()));
                insertAffected.setString(2, PackageNames.normalize(affected.ecosystem(), affected.name()));
                insertAffected.setLong(3, num);
                insertAffected.setInt(4, i);
                insertAffected.executeUpdate();
            }
            if (newestModified == null || record.modified().isAfter(newestModified)) {
                newestModified = record.modified();
            }
            if (++records % BATCH == 0) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new DbException("writing " + record.id() + " to " + temp + ": " + e.getMessage() + spaceHint(e, temp.getParent()), e);
        }
    }

    /** Copies every record of another database (for a source that has not changed since it was fetched). */
    public long copyFrom(VulnDb previous, String source) {
        long[] copied = {0};
        previous.records(source, record -> {
            add(record);
            copied[0]++;
        });
        return copied[0];
    }

    /** Writes the metadata, builds the index and puts the database in place. */
    public DbMetadata finish(List<DbMetadata.SourceInfo> sources, Instant builtAt) {
        DbMetadata metadata = new DbMetadata(DbFormat.SCHEMA_VERSION, builtAt, sources, count(), Optional.ofNullable(newestModified));
        try (Statement statement = connection.createStatement();
             PreparedStatement meta = connection.prepareStatement("INSERT INTO meta (key, value) VALUES ('metadata', ?)")) {
            statement.execute(DbFormat.INDEX);
            meta.setString(1, DbFormat.JSON.writeValueAsString(metadata));
            meta.executeUpdate();
            connection.commit();
            connection.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
            return metadata;
        } catch (SQLException | IOException e) {
            throw new DbException("finishing the vulnerability database " + target + ": " + e.getMessage() + spaceHint(e, temp.getParent()), e);
        }
    }

    /** Removes what a failed start left; a failure to remove it is added to the one being reported. */
    private static void removeQuietly(Path temp, Exception reported) {
        try {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            reported.addSuppressed(e);
        }
    }

    /** What to do when the failure was a full disk; the old database is still in place then. */
    private static String spaceHint(Exception e, Path directory) {
        return DiskSpace.isFull(e, directory.resolve("osv.db"))
                ? "; the disk is full: free space in " + directory + " and update again (the old database is unchanged)"
                : "";
    }

    private long count() {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery("SELECT COUNT(*) FROM advisory")) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new DbException("counting records in " + temp, e);
        }
    }

    /** Abandons an unfinished database: the temp file goes, the old database stays. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            connection.close();
            Files.deleteIfExists(temp);
        } catch (SQLException | IOException e) {
            throw new DbException("removing the unfinished database " + temp, e);
        }
    }
}
