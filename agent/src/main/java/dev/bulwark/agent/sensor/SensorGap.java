package dev.bulwark.agent.sensor;

import java.time.Instant;
import java.util.Objects;

/**
 * A sensor knows it missed something (a buffer overrun, a reconnect, a poll too slow): the agent must not
 * block on a partial picture while this lasts.
 *
 * @param sensor the sensor
 * @param at     when it noticed
 * @param why    what was lost
 */
public record SensorGap(String sensor, Instant at, String why) {

    public SensorGap {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(why, "why");
    }
}
