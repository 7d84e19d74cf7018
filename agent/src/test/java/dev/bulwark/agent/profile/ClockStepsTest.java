package dev.bulwark.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClockStepsTest {

    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final ClockSteps steps = new ClockSteps(nanos::get);

    @Test
    void seesNoStepWhileTheWallClockKeepsPaceWithElapsedTime() {
        assertThat(steps.read(AT)).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(steps.read(AT.plusSeconds(10))).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(steps.read(AT.plusSeconds(45))).as("25 s of drift or a late reading").isEmpty();
    }

    @Test
    void seesAStepForwardAndAStepBackByHowMuchTheyMovedTheClock() {
        steps.read(AT);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(steps.read(AT.plus(Duration.ofHours(2)).plusSeconds(10))).contains(Duration.ofHours(2));
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(steps.read(AT.plusSeconds(20))).contains(Duration.ofHours(-2));
    }
}
