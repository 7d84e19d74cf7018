package dev.bulwark.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bulwark.notify.outbox.Delivery;
import dev.bulwark.notify.outbox.DeliveryResult;
import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.notify.outbox.OutboxException;
import dev.bulwark.notify.outbox.OutboxMessage;
import dev.bulwark.scanner.testing.SmallDisk;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification outbox on a full disk: a message that cannot be queued is an error naming the outbox, the
 * messages already queued stay queued, a delivery run that cannot record its work delivers nothing it would
 * deliver again, and once there is room every message goes out exactly once.
 */
class OutboxFullDiskTest {

    @TempDir
    Path temp;

    @Test
    void losesNoQueuedMessageAndDeliversEachOnceWhenTheDiskIsFreed() throws Exception {
        List<String> sent = new ArrayList<>();
        Map<String, Delivery> slack = Map.of("slack", payload -> {
            sent.add(payload);
            return new DeliveryResult.Delivered();
        });
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("state"), 4)) {
            Path file = disk.root().resolve("outbox.db");
            try (Outbox outbox = Outbox.open(file)) {
                for (int i = 1; i <= 3; i++) {
                    outbox.enqueue("ticket-" + i, "slack", "{\"text\":\"finding " + i + "\"}");
                }
            }
            disk.fill();

            // Opening needs room for SQLite's shared-memory file; if it finds some, queuing needs room for pages.
            assertThatThrownBy(() -> {
                try (Outbox outbox = Outbox.open(file)) {
                    for (int i = 4; i < 10_000; i++) { // SQLite may fit a few rows into pages it already has
                        outbox.enqueue("ticket-" + i, "slack", "{\"text\":\"" + "x".repeat(4000) + "\"}");
                    }
                }
            }).isInstanceOf(OutboxException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("the disk holding it is full: free space there; the messages already queued are kept");
            Throwable dispatching = catchThrowable(() -> {
                try (Outbox outbox = Outbox.open(file)) {
                    outbox.dispatch(slack, Clock.systemUTC());
                }
            });
            System.out.println("[outbox] a delivery run on the full disk: " + (dispatching == null ? "completed"
                    : dispatching.getMessage()));
            List<String> sentWhileFull = List.copyOf(sent);
            disk.free();

            try (Outbox outbox = Outbox.open(file)) {
                outbox.makeAllDue(Clock.systemUTC());
                outbox.dispatch(slack, Clock.systemUTC());
                assertThat(outbox.pending()).extracting(OutboxMessage::idempotencyKey).isEmpty();
                assertThat(outbox.failed()).isEmpty();
                assertThat(outbox.enqueue("after", "slack", "{\"text\":\"after\"}")).isTrue();
            }
            assertThat(sent).as("each of the three queued before the disk filled, delivered once (sent while full: %s)",
                    sentWhileFull).filteredOn(payload -> payload.contains("finding")).hasSize(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void anOutboxOpenWhenTheDiskFillsKeepsWhatItHoldsAndDeliversItOnceThereIsRoom() throws Exception {
        List<String> sent = new ArrayList<>();
        Map<String, Delivery> slack = Map.of("slack", payload -> {
            sent.add(payload);
            return new DeliveryResult.Delivered();
        });
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("state"), 4); Outbox outbox = Outbox.open(disk.root().resolve("outbox.db"))) {
            for (int i = 1; i <= 3; i++) {
                outbox.enqueue("alert-" + i, "slack", "{\"text\":\"alert " + i + "\"}");
            }
            disk.fill();

            assertThatThrownBy(() -> {
                for (int i = 4; i < 10_000; i++) {
                    outbox.enqueue("alert-" + i, "slack", "{\"text\":\"" + "x".repeat(4000) + "\"}");
                }
            }).isInstanceOf(OutboxException.class).hasMessageContaining("the disk holding it is full");
            Throwable dispatching = catchThrowable(() -> outbox.dispatch(slack, Clock.systemUTC()));
            System.out.println("[outbox] open outbox, delivery run on the full disk: " + (dispatching == null ? "completed"
                    : dispatching.getMessage()) + "; sent " + sent.size());
            disk.free();
            outbox.makeAllDue(Clock.systemUTC());
            outbox.dispatch(slack, Clock.systemUTC());

            assertThat(outbox.pending()).isEmpty();
            assertThat(outbox.failed()).isEmpty();
            assertThat(sent).filteredOn(payload -> payload.contains("alert ")).containsExactlyInAnyOrder(
                    "{\"text\":\"alert 1\"}", "{\"text\":\"alert 2\"}", "{\"text\":\"alert 3\"}");
        }
    }
}
