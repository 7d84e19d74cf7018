package dev.bulwark.agent.response;

import dev.bulwark.store.SqliteFiles.Durability;
import dev.bulwark.store.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which networks each quarantined container was disconnected from, in a SQLite file in the agent's state
 * directory, so a release after an agent restart can still reconnect them.
 */
public final class QuarantineLedger implements AutoCloseable {

    public static final String FILE = "quarantine.db";

    private final Path file;
    private final Connection connection;

    private QuarantineLedger(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when needed) the ledger in {@code stateDirectory}. */
    public static QuarantineLedger open(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        try {
            // Durable: a quarantine the agent was told is recorded must be released after a power cut too.
            return new QuarantineLedger(file, SqliteFiles.open(file, Durability.DURABLE, "CREATE TABLE IF NOT EXISTS quarantine"
                    + " (container_id TEXT NOT NULL, network TEXT NOT NULL, PRIMARY KEY (container_id, network))"));
        } catch (SQLException | IOException e) {
            throw new ResponseStateException("cannot open the quarantine ledger " + file + " (" + e.getMessage()
                    + "): make the agent's state directory writable, or remove a corrupt " + FILE, e);
        }
    }

    /** Remembers that the container is to be disconnected from these networks (kept with any already there). */
    public synchronized void record(String containerId, List<String> networks) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO quarantine (container_id, network) VALUES (?, ?)")) {
            for (String network : networks) {
                insert.setString(1, Objects.requireNonNull(containerId, "containerId"));
                insert.setString(2, network);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("record the networks of " + containerId, e);
        }
    }

    /** The networks the container was disconnected from, empty when it is not quarantined. */
    public synchronized List<String> networks(String containerId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT network FROM quarantine WHERE container_id = ? ORDER BY network")) {
            select.setString(1, containerId);
            List<String> networks = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    networks.add(rows.getString(1));
                }
            }
            return List.copyOf(networks);
        } catch (SQLException e) {
            throw failure("read the networks of " + containerId, e);
        }
    }

    public synchronized void clear(String containerId) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM quarantine WHERE container_id = ?")) {
            delete.setString(1, containerId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("clear the entry of " + containerId, e);
        }
    }

    private ResponseStateException failure(String what, SQLException e) {
        return new ResponseStateException("cannot " + what + " in the quarantine ledger " + file + " ("
                + e.getMessage() + "): check that the disk is not full and no other agent holds the file", e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the connection", e);
        }
    }
}
