package dev.bulwark.agent.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an agent killed inside {@link AuditLog#append} can leave behind, put right when the log is next opened. An
 * append writes the journal line and forces it to disk before it commits the table's row, so a kill in between
 * leaves a whole line in the journal whose row SQLite rolls back; a kill during the write leaves half a line.
 * The whole line is evidence on disk and goes into the table under its own sequence number; the half line was
 * never on record anywhere and is cut off.
 */
final class JournalRecovery {

    /** A journal line the table does not hold. */
    record Uncommitted(long seq, AuditEntry entry) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 64 * 1024;

    private JournalRecovery() {
    }

    /**
     * Cuts a half line off the journal's end and returns the whole lines after {@code lastCommitted}, oldest first.
     * Only the journal's tail is read: back to the first line the table already holds.
     */
    static List<Uncommitted> recover(FileChannel journal, long lastCommitted) throws IOException {
        long size = journal.size();
        if (size == 0) {
            return List.of();
        }
        long end = lastNewlineBefore(journal, size) + 1;
        if (end < size) {
            journal.truncate(end);
            journal.force(true);
        }
        List<Uncommitted> newestFirst = new ArrayList<>();
        long lineEnd = end - 1; // the newline that ends the line being read
        while (lineEnd > 0) {
            long lineStart = lastNewlineBefore(journal, lineEnd) + 1;
            Uncommitted line = parse(read(journal, lineStart, lineEnd));
            if (line == null || line.seq() <= lastCommitted) {
                break;
            }
            newestFirst.add(line);
            lineEnd = lineStart - 1;
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The position of the last newline before {@code limit}, or -1 when there is none. */
    private static long lastNewlineBefore(FileChannel journal, long limit) throws IOException {
        long to = limit;
        while (to > 0) {
            long from = Math.max(0, to - CHUNK);
            byte[] bytes = read(journal, from, to);
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return from + i;
                }
            }
            to = from;
        }
        return -1;
    }

    private static byte[] read(FileChannel journal, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(to - from));
        while (buffer.hasRemaining()) {
            if (journal.read(buffer, from + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.array();
    }

    /** The line's entry, or {@code null} when it is not one this log wrote (recovery then stops there). */
    private static Uncommitted parse(byte[] line) {
        try {
            JsonNode node = JSON.readTree(new String(line, StandardCharsets.UTF_8));
            if (node == null || !node.path("seq").canConvertToLong() || !node.path("observation").isObject()) {
                return null;
            }
            AuditEntry entry = new AuditEntry(Instant.parse(node.path("at").asText()), node.path("containerId").asText(),
                    node.path("containerName").asText(), node.path("imageDigest").asText(), node.path("rule").asText(),
                    node.path("decision").asText(), node.path("response").asText(), node.path("mode").asText(),
                    JSON.writeValueAsString(node.path("observation")), node.path("detail").asText());
            return new Uncommitted(node.path("seq").asLong(), entry);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }
}
