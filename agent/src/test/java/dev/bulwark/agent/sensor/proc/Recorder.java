package dev.bulwark.agent.sensor.proc;

import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.policy.runtime.Observation.ProcessExec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Collects what a sensor reports, with the time each observation arrived. */
final class Recorder {

    final List<ProcessExec> execs = new CopyOnWriteArrayList<>();
    final List<SensorGap> gaps = new CopyOnWriteArrayList<>();
    final Map<ProcessExec, Instant> arrivals = new ConcurrentHashMap<>();

    void observe(Observation observation) {
        if (observation instanceof ProcessExec exec) {
            arrivals.put(exec, Instant.now());
            execs.add(exec);
        }
    }

    /** The first exec matching, waiting at most the timeout. */
    Optional<ProcessExec> await(Predicate<ProcessExec> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessExec> found = execs.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    /** How long after the exec the sensor delivered it. */
    Duration delay(ProcessExec exec) {
        return Duration.between(exec.at(), arrivals.get(exec));
    }
}
