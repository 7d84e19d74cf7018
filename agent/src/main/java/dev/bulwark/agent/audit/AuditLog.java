package dev.bulwark.agent.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The agent's append-only audit trail: every decision and action with its evidence, in two places so that
 * either survives the loss of the other:
 *
 * <ul>
 *   <li>{@value #DATABASE}, an SQLite table to query ({@link #recent}, {@link #forContainer}); insert only, and
 *       triggers refuse updates and deletes;</li>
 *   <li>{@value #JOURNAL}, one JSON object per line, forced to disk before {@link #append} returns, for log
 *       shippers and {@code jq}.</li>
 * </ul>
 *
 * There is no API to change or remove an entry. Appends from many threads are serialised, so both files hold
 * the entries in the same order, each line carrying the table's sequence number {@code seq}.
 */
public final class AuditLog implements AutoCloseable {

    static final String DATABASE = "audit.db";
    static final String JOURNAL = "audit.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditTable table;
    private final FileChannel journal;
    private final Path dir;

    private AuditLog(Path dir, AuditTable table, FileChannel journal) {
        this.dir = dir;
        this.table = table;
        this.journal = journal;
    }

    /**
     * Opens (creating when needed) the audit trail in the directory, first putting right what a killed agent left
     * ({@link JournalRecovery}): afterwards table and journal hold the same entries again.
     */
    public static AuditLog open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            AuditTable table = AuditTable.open(dir.resolve(DATABASE));
            try (FileChannel written = FileChannel.open(dir.resolve(JOURNAL),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                table.recover(JournalRecovery.recover(written, table.lastSeq()));
            }
            FileChannel journal = FileChannel.open(dir.resolve(JOURNAL),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new AuditLog(dir, table, journal);
        } catch (IOException | SQLException e) {
            throw new AuditException("cannot open the audit log in " + dir + " (" + e.getMessage() + "): check that the"
                    + " directory is writable by the agent and on a local disk", e);
        }
    }

    /**
     * Records the entry in both files; when this returns, it is on disk. When either cannot take it (a full disk), it
     * is in neither: the table's insert is rolled back and the journal cut back to where it ended, so the entry can be
     * appended again later without a duplicate or a half line.
     */
    public synchronized void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        long seq;
        try {
            table.begin();
            seq = table.insert(entry);
        } catch (SQLException e) {
            AuditException failed = new AuditException("cannot write to the audit table " + table.file() + " ("
                    + e.getMessage() + "): check free disk space and that no other process holds the database locked", e);
            rollBack(failed);
            throw failed;
        }
        long end = -1;
        try {
            end = journal.size();
            ByteBuffer line = ByteBuffer.wrap((jsonLine(seq, entry) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                journal.write(line);
            }
            journal.force(true);
            table.commit();
        } catch (IOException | SQLException e) {
            AuditException failed = new AuditException("cannot write entry " + seq + " to the audit journal "
                    + dir.resolve(JOURNAL) + " or commit it to " + table.file() + " (" + e.getMessage()
                    + "): check free disk space", e);
            rollBack(failed);
            cutBack(end, failed);
            throw failed;
        }
    }

    private void rollBack(AuditException failed) {
        try {
            table.rollback();
        } catch (SQLException e) {
            failed.addSuppressed(e);
        }
    }

    private void cutBack(long end, AuditException failed) {
        try {
            if (end >= 0 && journal.size() > end) {
                journal.truncate(end);
            }
        } catch (IOException e) {
            failed.addSuppressed(e);
        }
    }

    /** The directory the audit log is kept in. */
    public Path directory() {
        return dir;
    }

    /** The last {@code limit} entries, oldest first. */
    public synchronized List<AuditEntry> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("ask for zero or more recent audit entries, not " + limit);
        }
        try {
            return table.recent(limit);
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    /** Every entry about the container (its full ID), oldest first. */
    public synchronized List<AuditEntry> forContainer(String containerId) {
        try {
            return table.forContainer(containerId);
        } catch (SQLException e) {
            throw readFailed(e);
        }
    }

    private AuditException readFailed(SQLException e) {
        return new AuditException("cannot read the audit table " + table.file() + " (" + e.getMessage()
                + "): check that the file is readable and not corrupt (sqlite3 " + table.file() + " 'PRAGMA integrity_check')", e);
    }

    private static String jsonLine(long seq, AuditEntry entry) throws IOException {
        ObjectNode line = JSON.createObjectNode()
                .put("seq", seq)
                .put("at", entry.at().toString())
                .put("containerId", entry.containerId())
                .put("containerName", entry.containerName())
                .put("imageDigest", entry.imageDigest())
                .put("rule", entry.rule())
                .put("decision", entry.decision())
                .put("response", entry.response())
                .put("mode", entry.mode())
                .put("detail", entry.detail());
        line.set("observation", JSON.readTree(entry.observationJson()));
        return JSON.writeValueAsString(line);
    }

    @Override
    public synchronized void close() {
        try {
            journal.close();
            table.close();
        } catch (IOException | SQLException e) {
            throw new AuditException("cannot close the audit log in " + dir + " (" + e.getMessage() + ")", e);
        }
    }
}
