package dev.bulwark.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.policy.runtime.Decision;
import dev.bulwark.policy.runtime.ExecSource;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Response;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.runtime.RuntimeRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2025-03-01T12:00:00.123Z");

    @TempDir
    Path dir;

    @Test
    void entriesSurviveReopeningWithTheirEvidence() {
        AuditEntry shell = shellBlocked("c1");
        try (AuditLog log = AuditLog.open(dir)) {
            log.append(shell);
            log.append(entry("c2", "allow"));
        }

        try (AuditLog reopened = AuditLog.open(dir)) {
            reopened.append(entry("c1", "alert"));

            assertThat(reopened.recent(10)).extracting(AuditEntry::decision).containsExactly("block", "allow", "alert");
            assertThat(reopened.recent(1)).extracting(AuditEntry::decision).containsExactly("alert");
            assertThat(reopened.forContainer("c1")).hasSize(2).first().isEqualTo(shell);
        }
    }

    @Test
    void recordsTheRuleTheResponseTheModeAndTheObservation() {
        AuditEntry shell = shellBlocked("c1");

        assertThat(shell.rule()).isEqualTo("deniedExecutables");
        assertThat(shell.decision()).isEqualTo("block");
        assertThat(shell.response()).isEqualTo("kill");
        assertThat(shell.mode()).isEqualTo("protect");
        assertThat(shell.detail()).isEqualTo("/bin/sh ran");
        assertThat(shell.observationJson()).contains("\"type\":\"ProcessExec\"", "\"executable\":\"/bin/busybox\"",
                "\"at\":\"2025-03-01T12:00:00.123Z\"");
    }

    @Test
    void theJournalHasOneParseableLinePerEntry() throws Exception {
        try (AuditLog log = AuditLog.open(dir)) {
            log.append(shellBlocked("c1"));
            log.append(entry("c2", "allow"));
            log.append(entry("c3", "alert"));
        }

        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.JOURNAL));
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("seq").asLong()).isEqualTo(1);
        assertThat(first.get("containerId").asText()).isEqualTo("c1");
        assertThat(first.get("observation").get("argv").get(0).asText()).isEqualTo("sh");
        assertThat(JSON.readTree(lines.get(2)).get("decision").asText()).isEqualTo("alert");
    }

    @Test
    void concurrentAppendsLoseNothing() throws Exception {
        int threads = 4;
        int each = 40;
        try (AuditLog log = AuditLog.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String container = "c" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.append(entry(container, "allow"));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();

            assertThat(log.recent(1000)).hasSize(threads * each);
            assertThat(log.forContainer("c3")).hasSize(each);
        }
        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.JOURNAL));
        assertThat(lines).hasSize(threads * each);
        Set<Long> seqs = new HashSet<>();
        for (String line : lines) {
            seqs.add(JSON.readTree(line).get("seq").asLong());
        }
        assertThat(seqs).hasSize(threads * each);
    }

    @Test
    void theTableRefusesToRewriteHistory() throws SQLException {
        try (AuditLog log = AuditLog.open(dir)) {
            log.append(shellBlocked("c1"));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AuditLog.DATABASE));
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE audit SET decision = 'allow'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM audit")).hasMessageContaining("append-only");
        }
    }

    @Test
    void refusesAnObservationThatIsNotJson() {
        assertThatThrownBy(() -> new AuditEntry(AT, "c1", "web", "", "", "allow", "", "learn", "exec /bin/sh", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observationJson");
    }

    private static AuditEntry shellBlocked(String container) {
        Observation exec = new Observation.ProcessExec(container, AT, 4242, 1, 0, "/bin/busybox", List.of("sh", "-c", "id"),
                ExecSource.PROC_CONNECTOR);
        Decision block = new Decision.Block(RuntimeRule.DENIED_EXECUTABLES, "/bin/sh ran");
        return AuditEntry.of(AT, container, "web-1", "sha256:abc", block, Response.KILL, RuntimeMode.PROTECT, exec, null);
    }

    private static AuditEntry entry(String container, String decision) {
        return new AuditEntry(AT, container, "web-1", "sha256:abc", "", decision, "", "monitor", null, "");
    }
}
