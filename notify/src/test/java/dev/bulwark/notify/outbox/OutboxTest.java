package dev.bulwark.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.notify.outbox.DeliveryResult.Delivered;
import dev.bulwark.notify.outbox.DeliveryResult.Failed;
import dev.bulwark.notify.outbox.DeliveryResult.RetryLater;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(5));

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T10:00:00Z");

    @Test
    void aMessageSurvivesARestartAndIsDeliveredOnce() {
        try (Outbox outbox = Outbox.open(file())) {
            outbox.enqueue("build-42/slack", "slack", "{\"text\":\"gate failed\"}");
        }
        Recorder slack = new Recorder();

        try (Outbox reopened = Outbox.open(file())) {
            assertThat(reopened.pending()).extracting(OutboxMessage::idempotencyKey).containsExactly("build-42/slack");
            DispatchReport first = reopened.dispatch(Map.of("slack", slack), clock);
            DispatchReport second = reopened.dispatch(Map.of("slack", slack), clock);

            assertThat(first.delivered()).containsExactly("build-42/slack");
            assertThat(second.delivered()).isEmpty();
        }
        try (Outbox afterAnotherRestart = Outbox.open(file())) {
            clock.advance(Duration.ofDays(1));
            afterAnotherRestart.dispatch(Map.of("slack", slack), clock);
            assertThat(afterAnotherRestart.pending()).isEmpty();
        }
        assertThat(slack.payloads).containsExactly("{\"text\":\"gate failed\"}");
    }

    @Test
    void aSecondEnqueueWithTheSameKeyIsIgnored() {
        Recorder slack = new Recorder();
        try (Outbox outbox = Outbox.open(file())) {
            assertThat(outbox.enqueue("build-42/slack", "slack", "{\"n\":1}")).isTrue();
            assertThat(outbox.enqueue("build-42/slack", "slack", "{\"n\":2}")).isFalse();
            outbox.dispatch(Map.of("slack", slack), clock);

            assertThat(outbox.enqueue("build-42/slack", "slack", "{\"n\":3}")).as("after delivery too").isFalse();
            outbox.dispatch(Map.of("slack", slack), clock);
        }
        assertThat(slack.payloads).containsExactly("{\"n\":1}");
    }

    @Test
    void retriesLaterWithBackoffAndHonoursRetryAfter() {
        Scripted slack = new Scripted(new RetryLater(Duration.ZERO, "HTTP 503"), new RetryLater(Duration.ZERO, "HTTP 503"),
                new RetryLater(Duration.ofSeconds(120), "rate limited"), new Delivered());
        try (Outbox outbox = Outbox.open(file(), POLICY)) {
            outbox.enqueue("k", "slack", "{}");
            Instant start = clock.instant();

            assertThat(nextAttempt(outbox.dispatch(Map.of("slack", slack), clock))).isEqualTo(start.plusSeconds(10));
            clock.advance(Duration.ofSeconds(9));
            assertThat(outbox.dispatch(Map.of("slack", slack), clock).rescheduled()).as("not due yet").isEmpty();
            clock.advance(Duration.ofSeconds(1));
            assertThat(nextAttempt(outbox.dispatch(Map.of("slack", slack), clock))).as("doubled").isEqualTo(start.plusSeconds(10 + 20));
            clock.advance(Duration.ofSeconds(20));
            assertThat(nextAttempt(outbox.dispatch(Map.of("slack", slack), clock)))
                    .as("Retry-After beats the 40 s backoff").isEqualTo(start.plusSeconds(30 + 120));
            clock.advance(Duration.ofSeconds(119));
            assertThat(outbox.dispatch(Map.of("slack", slack), clock).delivered()).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            assertThat(outbox.dispatch(Map.of("slack", slack), clock).delivered()).containsExactly("k");
            assertThat(slack.calls).isEqualTo(4);
        }
    }

    @Test
    void capsTheWaitWhateverTheBackoffOrRetryAfterSays() {
        assertThat(POLICY.delayAfter(30, Duration.ZERO)).isEqualTo(Duration.ofMinutes(10));
        assertThat(POLICY.delayAfter(1, Duration.ofHours(6))).isEqualTo(Duration.ofMinutes(10));
        assertThat(POLICY.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        RetryPolicy jittered = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(5), 0.25);
        assertThat(jittered.delayAfter(3, Duration.ZERO, () -> 0.0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(jittered.delayAfter(3, Duration.ZERO, () -> 0.999)).isBetween(Duration.ofSeconds(49), Duration.ofSeconds(50));
        assertThat(RetryPolicy.DEFAULT.jitter()).as("gates that failed together come back spread out").isPositive();
    }

    @Test
    void stopsRetryingAfterTheLastAttemptAndSaysWhy() {
        RetryPolicy threeAttempts = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
        Scripted slack = new Scripted(new RetryLater(Duration.ZERO, "Slack answered HTTP 503"));
        try (Outbox outbox = Outbox.open(file(), threeAttempts)) {
            outbox.enqueue("k", "slack", "{}");
            List<DispatchReport> reports = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                reports.add(outbox.dispatch(Map.of("slack", slack), clock));
                clock.advance(Duration.ofMinutes(1));
            }

            assertThat(slack.calls).isEqualTo(3);
            DispatchReport.Failure failure = reports.get(2).failed().get(0);
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.reason()).isEqualTo("gave up after 3 attempts; the last one said: Slack answered HTTP 503");
            assertThat(outbox.pending()).isEmpty();
            assertThat(outbox.failed()).singleElement().satisfies(message -> {
                assertThat(message.state()).isEqualTo(OutboxMessage.State.FAILED);
                assertThat(message.lastError()).contains(failure.reason());
            });
        }
    }

    @Test
    void marksAPermanentErrorFailedAtOnceWithWhatToFix() {
        Scripted slack = new Scripted(new Failed("channel_not_found: invite the bot to #builds"));
        try (Outbox outbox = Outbox.open(file(), POLICY)) {
            outbox.enqueue("k", "slack", "{}");

            DispatchReport report = outbox.dispatch(Map.of("slack", slack), clock);
            clock.advance(Duration.ofHours(1));
            outbox.dispatch(Map.of("slack", slack), clock);

            assertThat(report.failed()).extracting(DispatchReport.Failure::reason).containsExactly("channel_not_found: invite the bot to #builds");
            assertThat(slack.calls).isEqualTo(1);
            assertThat(outbox.failed()).extracting(OutboxMessage::idempotencyKey).containsExactly("k");
        }
    }

    @Test
    void twoDispatchersDoNotDeliverTheSameMessageTwice() throws Exception {
        int messages = 60;
        try (Outbox setup = Outbox.open(file())) {
            for (int i = 0; i < messages; i++) {
                setup.enqueue("m" + i, "slack", "{\"n\":" + i + "}");
            }
        }
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Delivery slowSlack = payload -> {
            deliveries.merge(payload, 1, Integer::sum);
            sleep(2);
            return new Delivered();
        };
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Outbox first = Outbox.open(file()); Outbox second = Outbox.open(file())) {
            List<Future<DispatchReport>> runs = new ArrayList<>();
            for (Outbox outbox : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return outbox.dispatch(Map.of("slack", slowSlack), clock);
                }));
            }
            start.countDown();
            int delivered = 0;
            for (Future<DispatchReport> run : runs) {
                delivered += run.get(60, TimeUnit.SECONDS).delivered().size();
            }

            assertThat(delivered).isEqualTo(messages);
            assertThat(deliveries).hasSize(messages).allSatisfy((payload, count) -> assertThat(count).as(payload).isEqualTo(1));
            assertThat(first.pending()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMessageWhoseDispatcherDiedIsDeliveredByAnotherOnceTheLeaseRunsOut() {
        try (Outbox dying = Outbox.open(file(), POLICY); Outbox survivor = Outbox.open(file(), POLICY)) {
            dying.enqueue("k", "slack", "{}");
            Delivery crash = payload -> {
                throw new ProcessDied();
            };
            try {
                dying.dispatch(Map.of("slack", crash), clock);
            } catch (ProcessDied expected) {
                // the process is gone with the message claimed and nothing recorded
            }
            Recorder slack = new Recorder();

            clock.advance(POLICY.lease().minusSeconds(1));
            assertThat(survivor.dispatch(Map.of("slack", slack), clock).delivered()).as("still leased").isEmpty();
            clock.advance(Duration.ofSeconds(1));
            assertThat(survivor.dispatch(Map.of("slack", slack), clock).delivered()).containsExactly("k");
        }
    }

    @Test
    void keepsAMessageWhoseDeliveryThrowsAndTriesItAgain() {
        Delivery broken = payload -> {
            throw new IllegalStateException("connection pool shut down");
        };
        try (Outbox outbox = Outbox.open(file(), POLICY)) {
            outbox.enqueue("k", "slack", "{}");

            DispatchReport report = outbox.dispatch(Map.of("slack", broken), clock);

            assertThat(report.rescheduled()).singleElement()
                    .satisfies(r -> assertThat(r.reason()).contains("connection pool shut down"));
            assertThat(outbox.pending()).singleElement().satisfies(message -> assertThat(message.attempts()).isEqualTo(1));
        }
    }

    @Test
    void leavesMessagesForAChannelWithoutADeliveryPending() {
        Recorder slack = new Recorder();
        try (Outbox outbox = Outbox.open(file())) {
            outbox.enqueue("s", "slack", "{\"to\":\"slack\"}");
            outbox.enqueue("j", "jira", "{\"to\":\"jira\"}");

            DispatchReport report = outbox.dispatch(Map.of("slack", slack), clock);

            assertThat(report.delivered()).containsExactly("s");
            assertThat(outbox.pending()).extracting(OutboxMessage::idempotencyKey).containsExactly("j");
            assertThat(outbox.pending().get(0).nextAttemptAt()).as("never tried: due at once").isEmpty();
        }
    }

    private Path file() {
        return dir.resolve("state").resolve("outbox.db");
    }

    private static Instant nextAttempt(DispatchReport report) {
        assertThat(report.rescheduled()).hasSize(1);
        return report.rescheduled().get(0).nextAttemptAt();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands for the process dying in the middle of a delivery. */
    private static final class ProcessDied extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A receiver that takes everything and remembers it. */
    private static final class Recorder implements Delivery {
        final List<String> payloads = new CopyOnWriteArrayList<>();

        @Override
        public DeliveryResult deliver(String payloadJson) {
            payloads.add(payloadJson);
            return new Delivered();
        }
    }

    /** A receiver that answers as scripted, repeating the last answer. */
    private static final class Scripted implements Delivery {
        private final Deque<DeliveryResult> answers;
        int calls;

        Scripted(DeliveryResult... answers) {
            this.answers = new ArrayDeque<>(Arrays.asList(answers));
        }

        @Override
        public DeliveryResult deliver(String payloadJson) {
            calls++;
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }
}
