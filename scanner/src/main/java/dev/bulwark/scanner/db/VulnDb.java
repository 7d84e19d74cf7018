package dev.bulwark.scanner.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * A vulnerability database, open for reading; thread-safe. It holds a connection per processor: threads matching
 * different packages read, decode and compare at the same time.
 */
public final class VulnDb implements AutoCloseable {

    private final Path file;
    private final BlockingQueue<Connection> idle;
    private final int connections;
    private boolean closed;
    private final DbMetadata metadata;
    /** Names or IDs asked for in one query (SQLite allows 32,766 parameters). */
    private static final int BATCH = 500;

    private VulnDb(Path file, List<Connection> connections) throws SQLException {
        this.file = file;
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
        this.connections = connections.size();
        this.metadata = readMetadata(connections.get(0));
    }

    /**
     * Opens a database file read-only.
     *
     * @throws DbException when there is none, or it is not a Bulwark database of this version
     */
    public static VulnDb open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DbException("there is no vulnerability database at " + file + ": build one with bulwark db update");
        }
        List<Connection> opened = new ArrayList<>();
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            // All at once: a database renamed over this one later is not mixed in.
            for (int i = 0; i < Math.max(1, Runtime.getRuntime().availableProcessors()); i++) {
                opened.add(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
            }
            return new VulnDb(file, opened);
        } catch (SQLException e) {
            closeAll(opened, e);
            throw new DbException(file + " is not a Bulwark vulnerability database (" + e.getMessage()
                    + "): rebuild it with bulwark db update", e);
        } catch (DbException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    private static void closeAll(List<Connection> opened, Exception reported) {
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException e) {
                reported.addSuppressed(e);
            }
        }
    }

    /** What a connection of the database is used for. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs the work on an idle connection, waiting for one if every one is in use. */
    private <T> T withConnection(Work<T> work) {
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException("interrupted while waiting to read " + file, e);
        }
        try {
            return work.on(connection);
        } catch (SQLException e) {
            throw new DbException("reading " + file + ": " + e.getMessage(), e);
        } finally {
            idle.add(connection);
        }
    }

    public DbMetadata metadata() {
        return metadata;
    }

    /** A record and one of its affected entries. */
    public record Hit(OsvRecord record, OsvRecord.Affected affected) {
    }

    /** Every affected entry naming this package in this ecosystem. */
    public List<Hit> affecting(String ecosystem, String name) {
        return affecting(ecosystem, List.of(name)).getOrDefault(name, List.of());
    }

    /**
     * Every affected entry naming each of these packages in this ecosystem, under the names as given (a name with
     * none is absent), asked {@value #BATCH} names at a time.
     */
    public Map<String, List<Hit>> affecting(String ecosystem, Collection<String> names) {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        for (String name : names) {
            asked.computeIfAbsent(PackageNames.normalize(ecosystem, name), n -> new ArrayList<>()).add(name);
        }
        List<String> stored = new ArrayList<>(asked.keySet());
        Map<String, List<Hit>> hits = new HashMap<>();
        Map<Long, OsvRecord> decoded = new HashMap<>();
        for (int from = 0; from < stored.size(); from += BATCH) {
            for (Row row : rows(ecosystem, stored.subList(from, Math.min(stored.size(), from + BATCH)))) {
                OsvRecord record = decoded.computeIfAbsent(row.advisory(), id -> decode(row.record()));
                if (row.entry() < 0 || row.entry() >= record.affected().size()) {
                    throw new DbException(file + " names affected entry " + row.entry() + " of " + record.id() + ", which has "
                            + record.affected().size() + ": rebuild it with bulwark db update");
                }
                Hit hit = new Hit(record, record.affected().get(row.entry()));
                for (String name : asked.get(row.name())) {
                    hits.computeIfAbsent(name, n -> new ArrayList<>()).add(hit);
                }
            }
        }
        return hits;
    }

    /** One affected entry as stored, its record not decoded yet. */
    private record Row(String name, int entry, long advisory, byte[] record) {
    }

    /** The stored rows naming these packages. */
    private List<Row> rows(String ecosystem, List<String> batch) {
        return withConnection(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT f.name, f.entry, f.advisory, a.record FROM affected f"
                    + " JOIN advisory a ON a.num = f.advisory WHERE f.ecosystem = ? AND f.name IN ("
                    + String.join(",", Collections.nCopies(batch.size(), "?")) + ")")) {
                query.setString(1, PackageNames.ecosystemKey(ecosystem));
                for (int i = 0; i < batch.size(); i++) {
                    query.setString(i + 2, batch.get(i));
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getString(1), result.getInt(2), result.getLong(3), result.getBytes(4)));
                    }
                }
            }
            return rows;
        });
    }

    /** Every package name the database has advisories for in an ecosystem (its OSV name), as stored. */
    public List<String> names(String ecosystem) {
        return withConnection(connection -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT name FROM affected WHERE ecosystem = ?")) {
                query.setString(1, PackageNames.ecosystemKey(ecosystem));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
            return names;
        });
    }

    /** Every record that came from the source (all records when the source is null). */
    void records(String source, Consumer<OsvRecord> consumer) {
        withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT record FROM advisory");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    OsvRecord record = decode(rows.getBytes(1));
                    if (source == null || source.equals(record.source())) {
                        consumer.accept(record);
                    }
                }
            }
            return null;
        });
    }

    private DbMetadata readMetadata(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM meta WHERE key = 'metadata'");
             ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new DbException(file + " has no metadata: it was not finished; rebuild it with bulwark db update");
            }
            DbMetadata read = DbFormat.JSON.readValue(rows.getString(1), DbMetadata.class);
            if (read.schemaVersion() != DbFormat.SCHEMA_VERSION) {
                throw new DbException(file + " has layout version " + read.schemaVersion() + ", this Bulwark reads version "
                        + DbFormat.SCHEMA_VERSION + ": rebuild it with bulwark db update");
            }
            return read;
        } catch (JsonProcessingException e) {
            throw new DbException(file + " has unreadable metadata: rebuild it with bulwark db update", e);
        }
    }

    private OsvRecord decode(byte[] stored) {
        try {
            return RecordCodec.decode(stored);
        } catch (IllegalArgumentException e) {
            throw new DbException(file + " holds a record this Bulwark cannot read (" + e.getMessage()
                    + "): rebuild it with bulwark db update", e);
        }
    }

    /** Closes the connections, once the threads still reading have given theirs back. */
    @Override
    public void close() {
        synchronized (idle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<Connection> all = new ArrayList<>();
        DbException failure = null;
        try {
            while (all.size() < connections) {
                all.add(idle.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new DbException("interrupted while closing " + file + " (" + all.size() + " of " + connections
                    + " connections closed)", e);
        }
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure = failure == null ? new DbException("closing " + file, e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
