package dev.bulwark.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.notify.outbox.OutboxMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void theVariableNamesTheFileElseTheStateDirectory() {
        assertThat(StateDirectory.file(Map.of("BULWARK_OUTBOX", "/srv/ci/outbox.db", "XDG_STATE_HOME", "/x"), "/home/ci",
                "BULWARK_OUTBOX", "outbox.db")).isEqualTo(Path.of("/srv/ci/outbox.db"));
        assertThat(StateDirectory.file(Map.of("XDG_STATE_HOME", "/var/lib/ci"), "/home/ci", "BULWARK_OUTBOX", "outbox.db"))
                .isEqualTo(Path.of("/var/lib/ci/bulwark/outbox.db"));
        assertThat(StateDirectory.file(Map.of(), "/home/ci", "BULWARK_OUTBOX", "outbox.db"))
                .isEqualTo(Path.of("/home/ci/.local/state/bulwark/outbox.db"));
    }

    @Test
    void thePostureStoreIsTheVariablesUrlOrFileElsePostureDbInTheStateDirectory() {
        assertThat(StateDirectory.posture(Map.of("BULWARK_POSTURE", " jdbc:postgresql://db/bulwark?user=ci "), "/home/ci"))
                .isEqualTo("jdbc:postgresql://db/bulwark?user=ci");
        assertThat(StateDirectory.posture(Map.of("XDG_STATE_HOME", "/var/lib/ci"), "/home/ci")).isEqualTo("/var/lib/ci/bulwark/posture.db");
        assertThat(StateDirectory.posture(Map.of(), "/home/ci")).isEqualTo("/home/ci/.local/state/bulwark/posture.db");
    }

    @Test
    void anOutboxInTheCacheIsMovedToTheStateDirectoryWithWhatItHolds() {
        Path before = temp.resolve("cache/bulwark/outbox.db");
        Path now = temp.resolve("state/bulwark/outbox.db");
        try (Outbox old = Outbox.open(before)) {
            old.enqueue("jira:app:dev:sha256:1", "jira", "{\"waiting\": true}");
        }

        Path moved = StateDirectory.migrated(now, before);

        assertThat(moved).isEqualTo(now);
        assertThat(before).doesNotExist();
        assertThat(now.resolveSibling("outbox.db.moving")).doesNotExist();
        try (Outbox outbox = Outbox.open(now)) {
            assertThat(outbox.pending()).extracting(OutboxMessage::idempotencyKey, OutboxMessage::payloadJson)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("jira:app:dev:sha256:1", "{\"waiting\": true}"));
        }
    }

    @Test
    void anOutboxAlreadyInTheStateDirectoryIsKeptAndTheCachedOneLeftAlone() throws Exception {
        Path before = temp.resolve("cache/outbox.db");
        Path now = temp.resolve("state/outbox.db");
        try (Outbox old = Outbox.open(before); Outbox current = Outbox.open(now)) {
            old.enqueue("old", "slack", "{}");
            current.enqueue("current", "slack", "{}");
        }

        StateDirectory.migrated(now, before);

        assertThat(before).exists();
        try (Outbox outbox = Outbox.open(now)) {
            assertThat(outbox.pending()).extracting(OutboxMessage::idempotencyKey).containsExactly("current");
        }
    }

    @Test
    void nothingInTheCacheMeansNothingToMove() {
        Path now = temp.resolve("state/outbox.db");

        assertThat(StateDirectory.migrated(now, temp.resolve("cache/outbox.db"))).isEqualTo(now);
        assertThat(now).doesNotExist();
    }
}
