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
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/** A vulnerability database, open for reading. */
public final class VulnDb implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final DbMetadata metadata;
    /** Names or IDs asked for in one query (SQLite allows 32,766 parameters). */
    private static final int BATCH = 500;

    private VulnDb(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.metadata = readMetadata();
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
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            return new VulnDb(file, config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (SQLException e) {
            throw new DbException(file + " is not a Bulwark vulnerability database (" + e.getMessage()
                    + "): rebuild it with bulwark db update", e);
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
        for (int from = 0; from < stored.size(); from += BATCH) {
            List<String> batch = stored.subList(from, Math.min(stored.size(), from + BATCH));
            try (PreparedStatement query = connection.prepareStatement("SELECT f.name, f.entry, a.record FROM affected f"
                    + " JOIN advisory a ON a.id = f.advisory_id WHERE f.ecosystem = ? AND f.name IN ("
                    + String.join(",", Collections.nCopies(batch.size(), "?")) + ")")) {
                query.setString(1, PackageNames.ecosystemKey(ecosystem));
                for (int i = 0; i < batch.size(); i++) {
                    query.setString(i + 2, batch.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        OsvRecord record = decode(rows.getString(3));
                        Hit hit = new Hit(record, record.affected().get(rows.getInt(2)));
                        for (String name : asked.get(rows.getString(1))) {
                            hits.computeIfAbsent(name, n -> new ArrayList<>()).add(hit);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new DbException("reading " + file + ": " + e.getMessage(), e);
            }
        }
        return hits;
    }

    /** Every package name the database has advisories for in an ecosystem (its OSV name), as stored. */
    public List<String> names(String ecosystem) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT name FROM affected WHERE ecosystem = ?")) {
            query.setString(1, PackageNames.ecosystemKey(ecosystem));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new DbException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every record that came from the source (all records when the source is null). */
    void records(String source, Consumer<OsvRecord> consumer) {
        try (PreparedStatement query = connection.prepareStatement("SELECT record FROM advisory");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                OsvRecord record = decode(rows.getString(1));
                if (source == null || source.equals(record.source())) {
                    consumer.accept(record);
                }
            }
        } catch (SQLException e) {
            throw new DbException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    private DbMetadata readMetadata() throws SQLException {
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

    private OsvRecord decode(String json) {
        try {
            return DbFormat.JSON.readValue(json, OsvRecord.class);
        } catch (JsonProcessingException e) {
            throw new DbException(file + " holds a record this Bulwark cannot read (" + e.getOriginalMessage()
                    + "): rebuild it with bulwark db update", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DbException("closing " + file, e);
        }
    }
}
