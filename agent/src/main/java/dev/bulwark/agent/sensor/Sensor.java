package dev.bulwark.agent.sensor;

import dev.bulwark.policy.runtime.Observation;
import java.util.function.Consumer;

/**
 * One source of observations (one sensor per signal source): the process connector, /proc polling, the
 * Docker API, fanotify… A sensor runs on its own thread(s) from {@link #start} until {@link #close}.
 */
public interface Sensor extends AutoCloseable {

    /** A short, stable name: {@code proc-connector}, {@code proc-poll}, {@code docker-exec}, {@code network}, … */
    String name();

    /** Starts delivering observations (from any thread) and gaps in what it saw. */
    void start(Consumer<Observation> observations, Consumer<SensorGap> gaps);

    @Override
    void close();
}
