package dev.bulwark.agent.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands Docker announced it was about to start in a container (its {@code exec_start} events, which health
 * checks raise too), remembered for a few seconds. They tell which engine-started process is which: a process the
 * engine started is the health check's when its command is the health check's, or when the health check is the only
 * command the engine announced for that container in those seconds. A program's name alone never tells.
 */
final class EngineExecs {

    static final Duration MEMORY = Duration.ofSeconds(10);
    private static final int CONTAINERS = 1024;
    private static final int PER_CONTAINER = 64;

    private record Announced(String command, Instant at) {
    }

    private final Map<String, Deque<Announced>> announced = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Announced>> eldest) {
            return size() > CONTAINERS;
        }
    };

    /** Remembers that the engine announced this command for this container at this moment. */
    void announce(String containerId, List<String> argv, Instant at) {
        Deque<Announced> recent = announced.computeIfAbsent(containerId, id -> new ArrayDeque<>());
        recent.addLast(new Announced(command(argv), at));
        while (recent.size() > PER_CONTAINER) {
            recent.removeFirst();
        }
    }

    /** Whether the engine announced this very command for this container within the last few seconds before {@code at}. */
    boolean command(String containerId, List<String> argv, Instant at) {
        String command = command(argv);
        return recent(containerId, at).stream().anyMatch(a -> a.command().equals(command));
    }

    /**
     * Whether the engine announced this command for this container in the last few seconds before {@code at}, and no
     * other: a process it started then, whatever it reads as now, was started for this command.
     */
    boolean onlyCommand(String containerId, List<String> argv, Instant at) {
        String command = command(argv);
        List<Announced> recent = recent(containerId, at);
        return !recent.isEmpty() && recent.stream().allMatch(a -> a.command().equals(command));
    }

    private List<Announced> recent(String containerId, Instant at) {
        Deque<Announced> all = announced.get(containerId);
        return all == null ? List.of() : all.stream()
                .filter(a -> !a.at().plus(MEMORY).isBefore(at) && !a.at().isAfter(at.plusSeconds(1))).toList();
    }

    private static String command(List<String> argv) {
        return String.join(" ", argv).strip();
    }
}
