package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SofteningTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private static Instant at(double seconds) {
        return T0.plus(Duration.ofMillis((long) (seconds * 1000)));
    }

    @Test
    void aGapSoftensItsContainerForFiveSecondsAndNoOtherContainer() {
        Softening softening = new Softening();

        assertThat(softening.soften("c1", at(0))).isTrue();

        assertThat(softening.softened("c1", Instant.MIN, at(4.9))).isTrue();
        assertThat(softening.softened("c1", Instant.MIN, at(5))).isFalse();
        assertThat(softening.softened("c2", Instant.MIN, at(1))).isFalse();
    }

    @Test
    void aGapThatNamesNoContainerSoftensEveryContainer() {
        Softening softening = new Softening();

        softening.soften(Enforcer.HOST, at(0));

        assertThat(softening.softened("c1", Instant.MIN, at(1))).isTrue();
        assertThat(softening.softened("c2", Instant.MIN, at(1))).isTrue();
    }

    @Test
    void aGapOnTheHostDoesNotSoftenAContainerThatStartedAfterIt() {
        Softening softening = new Softening();

        softening.soften(Enforcer.HOST, at(0));

        assertThat(softening.softened("c1", at(-10), at(2))).as("running through the gap").isTrue();
        assertThat(softening.softened("c1", at(0), at(2))).as("started at the gap").isTrue();
        assertThat(softening.softened("c2", at(1), at(2))).as("started after the gap").isFalse();
    }

    @Test
    void aLaterHostGapInTheSameWindowSoftensAContainerStartedBetweenTheTwo() {
        Softening softening = new Softening();
        softening.soften(Enforcer.HOST, at(0));

        softening.soften(Enforcer.HOST, at(3));

        assertThat(softening.softened("c2", at(1), at(4))).isTrue();
        assertThat(softening.softened("c2", at(1), at(5))).as("the window still ends five seconds after its first gap").isFalse();
    }

    @Test
    void aGapOnTheContainerItselfSoftensItWhenEverItStarted() {
        Softening softening = new Softening();

        softening.soften("c1", at(0));

        assertThat(softening.softened("c1", at(1), at(2))).isTrue();
    }

    @Test
    void aFloodOfGapsSoftensAContainerForFifteenSecondsInFiveMinutesAtMost() {
        Softening softening = new Softening();
        double softenedSeconds = 0;

        for (double second = 0; second < 300; second += 0.1) {
            softening.soften("c1", at(second)); // a queue made to overflow ten times a second, for five minutes
            softenedSeconds += softening.softened("c1", Instant.MIN, at(second)) ? 0.1 : 0;
        }

        assertThat(softenedSeconds).isBetween(14.0, 15.1);
        assertThat(softening.soften("c1", at(299))).as("the budget is spent").isFalse();
        assertThat(softening.softened("c1", Instant.MIN, at(299))).isFalse();
    }

    @Test
    void aGapInsideTheWindowDoesNotLengthenIt() {
        Softening softening = new Softening();

        softening.soften("c1", at(0));
        assertThat(softening.soften("c1", at(4))).as("still softened").isTrue();

        assertThat(softening.softened("c1", Instant.MIN, at(6))).isFalse();
    }

    @Test
    void theBudgetComesBackFiveMinutesAfterTheFirstWindow() {
        Softening softening = new Softening();
        softening.soften("c1", at(0));
        softening.soften("c1", at(10));
        softening.soften("c1", at(20));
        assertThat(softening.soften("c1", at(30))).isFalse();

        assertThat(softening.soften("c1", at(300))).isTrue();
        assertThat(softening.softened("c1", Instant.MIN, at(301))).isTrue();
    }

    @Test
    void aClockSetBackAnHourDoesNotKeepBlocksSoftenedForAnHour() {
        Softening softening = new Softening();
        softening.soften("c1", at(0));

        assertThat(softening.softened("c1", Instant.MIN, at(-3600))).isFalse();
        assertThat(softening.softened("c1", Instant.MIN, at(-3599))).isFalse();
        assertThat(softening.softened("c1", Instant.MIN, at(1))).as("once the clock is past the gap again").isTrue();
    }
}
