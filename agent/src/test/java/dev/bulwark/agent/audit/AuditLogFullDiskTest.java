package dev.bulwark.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.scanner.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk under the audit log: an entry goes into both files or neither, and the log takes entries again later. */
class AuditLogFullDiskTest {

    @TempDir
    Path temp;

    private static AuditEntry entry(int n) {
        return new AuditEntry(Instant.parse("2026-12-03T12:00:00Z").plusSeconds(n), "c" + n, "web-" + n, "sha256:abc",
                "deniedExecutables", "block", "stop", "protect", "{\"type\":\"ProcessExec\"}", "entry " + n + " " + "x".repeat(2000));
    }

    @Test
    void refusesAnEntryWholeOnAFullDiskAndTakesItWhenThereIsRoomAgain() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("state"), 2); AuditLog log = AuditLog.open(disk.root())) {
            for (int n = 1; n <= 3; n++) {
                log.append(entry(n));
            }
            disk.fill();

            AuditException refused = null;
            for (int n = 4; n <= 50 && refused == null; n++) { // the files' last pages may still take a few
                try {
                    log.append(entry(n));
                } catch (AuditException full) {
                    refused = full;
                }
            }
            assertThat(refused).as("the full disk refused an entry").isNotNull();
            assertThat(refused.getMessage()).contains("check free disk space");
            int written = log.recent(100).size();
            assertThatThrownBy(() -> log.append(entry(99))).isInstanceOf(AuditException.class);
            assertConsistent(disk.root(), log, written);

            for (int n = 100; n < 120; n++) { // refused again and again while the disk stays full
                int attempt = n;
                assertThatThrownBy(() -> log.append(entry(attempt))).isInstanceOf(AuditException.class);
            }
            disk.free();
            for (int n = 200; n < 230; n++) {
                log.append(entry(n));
            }
            log.append(entry(99));

            assertConsistent(disk.root(), log, written + 31);
            assertThat(log.recent(1).get(0).detail()).startsWith("entry 99 ");
        }
    }

    /** The table and the journal hold the same entries, in order, each line whole. */
    private static void assertConsistent(Path dir, AuditLog log, int count) throws Exception {
        List<AuditEntry> table = log.recent(1000);
        List<String> lines = Files.readAllLines(dir.resolve(AuditLog.JOURNAL));
        assertThat(table).hasSize(count);
        assertThat(lines).hasSize(count);
        List<String> details = new ArrayList<>();
        for (String line : lines) {
            JsonNode read = new ObjectMapper().readTree(line);
            details.add(read.path("detail").asText());
        }
        assertThat(details).containsExactlyElementsOf(table.stream().map(AuditEntry::detail).toList());
    }
}
