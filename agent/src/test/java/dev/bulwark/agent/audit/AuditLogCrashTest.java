package dev.bulwark.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent killed while it appends to the audit log leaves table and journal in agreement once the log is opened
 * again: a line the journal holds and the table lost goes into the table, half a line is cut off.
 */
class AuditLogCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    @Test
    void aLineTheTableLostIsRecoveredAndAHalfLineIsCutOff() throws Exception {
        try (AuditLog log = AuditLog.open(dir)) {
            for (int i = 1; i <= 3; i++) {
                log.append(entry(i));
            }
        }
        deleteRow(3); // as SQLite's rollback leaves it when the agent dies after the journal's line, before the commit
        Files.writeString(dir.resolve(AuditLog.JOURNAL), "{\"seq\":4,\"at\":\"2026-", StandardOpenOption.APPEND);

        try (AuditLog reopened = AuditLog.open(dir)) {
            assertThat(reopened.recent(10)).containsExactly(entry(1), entry(2), entry(3));
            reopened.append(entry(4));
            assertThat(reopened.recent(10)).hasSize(4).last().isEqualTo(entry(4));
        }
        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.JOURNAL));
        assertThat(lines).hasSize(4);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(JSON.readTree(lines.get(i)).get("seq").asLong()).isEqualTo(i + 1);
        }
    }

    @Test
    void tableAndJournalAgreeAfterEveryKillOfAnAppendingProcess() throws Exception {
        int lostRows = 0;
        int halfLines = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process appender = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), AppendUntilKilled.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(appender.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("open");
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 400));
            appender.destroyForcibly().waitFor(); // SIGKILL

            String journal = Files.readString(dir.resolve(AuditLog.JOURNAL));
            halfLines += journal.isEmpty() || journal.endsWith("\n") ? 0 : 1;
            long wholeLines = journal.lines().count() - (journal.endsWith("\n") ? 0 : 1);
            lostRows += wholeLines > rows() ? 1 : 0;

            try (AuditLog reopened = AuditLog.open(dir)) {
                List<String> lines = Files.readAllLines(dir.resolve(AuditLog.JOURNAL));
                assertThat(rows()).as("rows after kill %d", kill).isEqualTo(lines.size());
                assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("seq").asLong()).isEqualTo(lines.size());
                assertThat(reopened.recent(1)).singleElement().satisfies(last ->
                        assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("detail").asText()).isEqualTo(last.detail()));
            }
        }
        System.out.printf("[audit-crash] %d kills: %d left a journal line the table had lost, %d a half line; all put right%n",
                KILLS, lostRows, halfLines);
    }

    private long rows() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AuditLog.DATABASE));
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM audit")) {
            count.next();
            return count.getLong(1);
        }
    }

    private void deleteRow(long seq) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AuditLog.DATABASE));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER audit_no_delete");
            statement.execute("DELETE FROM audit WHERE id = " + seq);
            statement.execute("UPDATE sqlite_sequence SET seq = " + (seq - 1) + " WHERE name = 'audit'");
        }
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry(AT.plusSeconds(i), "c" + i, "web-1", "sha256:abc", "deniedExecutables", "block", "stop",
                "protect", "{\"type\":\"ProcessExec\",\"pid\":" + i + "}", "entry " + i);
    }
}
