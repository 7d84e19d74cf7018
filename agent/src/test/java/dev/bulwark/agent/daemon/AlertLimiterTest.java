package dev.bulwark.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertLimiterTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void holdsTheSameAlertWithinTheWindowAndSaysHowManyWereHeldNextTime() {
        AlertLimiter limiter = new AlertLimiter(Duration.ofMinutes(1));

        assertThat(limiter.admit("c1", "exec a", AT)).contains("");
        assertThat(limiter.admit("c1", "exec a", AT.plusSeconds(10))).isEmpty();
        assertThat(limiter.admit("c1", "exec a", AT.plusSeconds(20))).isEmpty();
        assertThat(limiter.admit("c2", "exec a", AT.plusSeconds(20))).contains("");
        assertThat(limiter.admit("c1", "exec a", AT.plusSeconds(61))).get().asString().contains("2 similar alerts");
    }

    @Test
    void capsTheAlertsOfOneContainerPerWindow() {
        AlertLimiter limiter = new AlertLimiter(Duration.ofMinutes(1));
        for (int i = 0; i < AlertLimiter.PER_CONTAINER; i++) {
            assertThat(limiter.admit("c1", "write /srv/" + i, AT)).isPresent();
        }

        assertThat(limiter.admit("c1", "write /srv/other", AT.plusSeconds(1))).isEmpty();
        assertThat(limiter.admit("c1", "write /srv/later", AT.plusSeconds(61))).isPresent();
    }

    @Test
    void aClockSetBackHoldsNothingBack() {
        AlertLimiter limiter = new AlertLimiter(Duration.ofMinutes(1));
        for (int i = 0; i < AlertLimiter.PER_CONTAINER; i++) {
            limiter.admit("c1", "write /srv/" + i, AT);
        }

        assertThat(limiter.admit("c1", "write /srv/0", AT.minusSeconds(3600))).isPresent();
        assertThat(limiter.admit("c1", "write /srv/other", AT.minusSeconds(3599))).isPresent();
    }
}
