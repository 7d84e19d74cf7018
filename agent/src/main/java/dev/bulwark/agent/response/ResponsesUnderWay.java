package dev.bulwark.agent.response;

import dev.bulwark.policy.runtime.Response;
import dev.bulwark.store.SqliteFiles;
import dev.bulwark.store.SqliteFiles.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The responses begun and not yet done, in a SQLite file in the agent's state directory: an agent killed while it
 * stops a container (kill -9, a crash, the host's OOM killer) finds on its next start what it was doing, and
 * finishes it or records how it ended. One row per container; a row is removed once the outcome is audited.
 */
public final class ResponsesUnderWay implements AutoCloseable {

    public static final String FILE = "responses.db";

    /**
     * A response begun on a container.
     *
     * @param containerId   the container's full ID
     * @param containerName its name
     * @param imageDigest   the image it runs
     * @param rule          the rule that decided the block
     * @param response      the response begun
     * @param mode          the container's mode then
     * @param why           the decision's reason
     * @param since         when it was begun
     */
    public record UnderWay(String containerId, String containerName, String imageDigest, String rule, Response response,
                           String mode, String why, Instant since) {
        public UnderWay {
            Objects.requireNonNull(containerId, "containerId");
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(since, "since");
        }
    }

    private final Path file;
    private final Connection connection;

    private ResponsesUnderWay(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when needed) the file in {@code stateDirectory}. */
    public static ResponsesUnderWay open(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        try {
            // Durable: a response begun must be found again after a power cut too.
            return new ResponsesUnderWay(file, SqliteFiles.open(file, Durability.DURABLE, "CREATE TABLE IF NOT EXISTS under_way"
                    + " (container_id TEXT PRIMARY KEY, container_name TEXT NOT NULL, image_digest TEXT NOT NULL, rule TEXT NOT NULL,"
                    + " response TEXT NOT NULL, mode TEXT NOT NULL, why TEXT NOT NULL, since TEXT NOT NULL)"));
        } catch (SQLException | IOException e) {
            throw new ResponseStateException("cannot open the record of responses under way " + file + " (" + e.getMessage()
                    + "): make the agent's state directory writable, or remove a corrupt " + FILE, e);
        }
    }

    /** Records that a response has begun (replacing an older one on the same container). */
    public synchronized void begin(UnderWay response) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO under_way (container_id,"
                + " container_name, image_digest, rule, response, mode, why, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, response.containerId());
            insert.setString(2, Objects.requireNonNullElse(response.containerName(), ""));
            insert.setString(3, Objects.requireNonNullElse(response.imageDigest(), ""));
            insert.setString(4, Objects.requireNonNullElse(response.rule(), ""));
            insert.setString(5, response.response().word());
            insert.setString(6, Objects.requireNonNullElse(response.mode(), ""));
            insert.setString(7, Objects.requireNonNullElse(response.why(), ""));
            insert.setString(8, response.since().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("record the " + response.response().word() + " of " + response.containerId(), e);
        }
    }

    /** Records that the response on the container is done (its outcome audited). */
    public synchronized void done(String containerId) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM under_way WHERE container_id = ?")) {
            delete.setString(1, containerId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("clear the response on " + containerId, e);
        }
    }

    /** The responses begun and not done, oldest first. */
    public synchronized List<UnderWay> all() {
        try (PreparedStatement select = connection.prepareStatement("SELECT container_id, container_name, image_digest, rule,"
                + " response, mode, why, since FROM under_way ORDER BY since");
             var rows = select.executeQuery()) {
            List<UnderWay> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new UnderWay(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        Response.parse(rows.getString(5)), rows.getString(6), rows.getString(7), Instant.parse(rows.getString(8))));
            }
            return List.copyOf(all);
        } catch (SQLException | RuntimeException e) {
            throw failure("read the responses under way", e);
        }
    }

    private ResponseStateException failure(String what, Exception e) {
        return new ResponseStateException("cannot " + what + " in " + file + " (" + e.getMessage()
                + "): check that the disk is not full and no other agent holds the file", e);
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
