package dev.bulwark.scanner.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.scanner.ImageScanner;
import dev.bulwark.scanner.layer.LayerAnalysis;
import dev.bulwark.store.SqliteFiles.Durability;
import dev.bulwark.store.SqliteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Analysed layers, kept in one SQLite file and keyed by the layer's verified diffID and the analyzers' versions
 * (and the scan limits), so a layer shared by many images is read once. Only verified layers are kept: their
 * uncompressed content hashed to the diffID while they were walked. Beside each, which blob digests were seen to
 * decompress to it, so that a layer from a registry or a file is found through its blob, never through the diffID
 * its config merely claims. (Tables of Bulwark versions that trusted claimed diffIDs are dropped on open.) Several builds may scan at once with the
 * same file: SQLite's write-ahead log and a busy timeout serialise their writes, and a result is written in
 * one statement, so a reader sees a whole result or none.
 */
public final class LayerCache implements ImageScanner.LayerResults, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final String analyzerKey;
    private final Connection connection;

    private LayerCache(Path file, String analyzerKey, Connection connection) {
        this.file = file;
        this.analyzerKey = analyzerKey;
        this.connection = connection;
    }

    /**
     * Opens (creating when needed) the cache file.
     *
     * @param analyzerKey what the cached results depend on besides the layer: analyzers and their versions, limits
     */
    public static LayerCache open(Path file, String analyzerKey) {
        try {
            Connection connection = SqliteFiles.open(file, Durability.CACHE, "DROP TABLE IF EXISTS layer_results",
                    "CREATE TABLE IF NOT EXISTS verified_layers (diff_id TEXT NOT NULL, analyzers TEXT NOT NULL,"
                            + " result TEXT NOT NULL, stored_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                            + " PRIMARY KEY (diff_id, analyzers))",
                    "CREATE TABLE IF NOT EXISTS verified_blobs (blob_digest TEXT PRIMARY KEY, diff_id TEXT NOT NULL)");
            return new LayerCache(file, analyzerKey, connection);
        } catch (SQLException | IOException e) {
            throw new CacheException("cannot open the layer cache " + file + " (" + e.getMessage()
                    + "): check that the directory is writable, or choose another cache directory", e);
        }
    }

    /** The default place: {@code $XDG_CACHE_HOME/bulwark/layers.db}, else {@code ~/.cache/bulwark/layers.db}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("bulwark").resolve("layers.db");
    }

    @Override
    public Optional<String> verifiedDiffId(String blobDigest) {
        try (PreparedStatement query = connection.prepareStatement("SELECT diff_id FROM verified_blobs WHERE blob_digest = ?")) {
            query.setString(1, blobDigest);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("reading blob " + blobDigest + " from the cache " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<LayerAnalysis> find(String diffId) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT result FROM verified_layers WHERE diff_id = ? AND analyzers = ?")) {
            query.setString(1, diffId);
            query.setString(2, analyzerKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(JSON.readValue(rows.getString(1), LayerAnalysis.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("reading layer " + diffId + " from the cache " + file + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            // A result written by an incompatible Bulwark: read the layer again, and store() replaces the entry.
            return Optional.empty();
        }
    }

    @Override
    public void store(String blobDigest, LayerAnalysis verified) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO verified_layers (diff_id, analyzers, result) VALUES (?, ?, ?)");
             PreparedStatement blob = connection.prepareStatement(
                "INSERT OR REPLACE INTO verified_blobs (blob_digest, diff_id) VALUES (?, ?)")) {
            insert.setString(1, verified.diffId());
            insert.setString(2, analyzerKey);
            insert.setString(3, JSON.writeValueAsString(verified));
            insert.executeUpdate();
            blob.setString(1, blobDigest);
            blob.setString(2, verified.diffId());
            blob.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("writing layer " + verified.diffId() + " to the cache " + file + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("encoding the analysis of layer " + verified.diffId(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CacheException("closing the layer cache " + file, e);
        }
    }
}
