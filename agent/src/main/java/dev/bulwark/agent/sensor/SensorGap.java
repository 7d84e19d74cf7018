package dev.bulwark.agent.sensor;

import java.time.Instant;
import java.util.Objects;

/**
 * A sensor knows it missed something (a buffer overrun, a reconnect, a poll too slow, a container it could not watch):
 * while this lasts, the agent does not block on a partial picture of the container it concerns, or of every container
 * when the sensor cannot tell which.
 *
 * @param sensor    the sensor
 * @param at        when it noticed
 * @param why       what was lost
 * @param container the full ID of the one container concerned; empty when the gap may concern any
 * @param softens   whether blocks on the container(s) concerned become alerts for a while; an exec seen but not
 *                  attributed does not soften anything (an attacker could keep a container softened with a stream of
 *                  short-lived processes), it is only recorded
 */
public record SensorGap(String sensor, Instant at, String why, String container, boolean softens) {

    public SensorGap {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(why, "why");
        container = Objects.requireNonNullElse(container, "");
    }

    /** A gap that may concern any container. */
    public SensorGap(String sensor, Instant at, String why) {
        this(sensor, at, why, "", true);
    }

    /** A gap on one container. */
    public SensorGap(String sensor, Instant at, String why, String container) {
        this(sensor, at, why, container, true);
    }

    /** Whether the gap concerns one container only. */
    public boolean local() {
        return !container.isEmpty();
    }
}
