package dev.bulwark.agent.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands Docker announced it was about to start in a container (its {@code exec_start} events), remembered for
 * a few seconds: a process whose ancestry is gone by the time it is seen is the engine's when the engine just
 * announced it. Remembered by the whole command and by the program's name, for a process gone before its arguments
 * could be read.
 */
final class EngineExecs {

    static final Duration MEMORY = Duration.ofSeconds(10);
    private static final int REMEMBERED = 1024;

    private final Map<String, Instant> announced = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Remembers that the engine announced this command for this container at this moment. */
    void announce(String containerId, List<String> argv, Instant at) {
        announced.put(commandKey(containerId, argv), at);
        if (!argv.isEmpty()) {
            announced.put(programKey(containerId, argv.get(0)), at);
        }
    }

    /** Whether the engine announced this very command for this container within the last few seconds before {@code at}. */
    boolean command(String containerId, List<String> argv, Instant at) {
        return recent(announced.get(commandKey(containerId, argv)), at);
    }

    /** Whether the engine announced a command running this program (by name) within the last few seconds before {@code at}. */
    boolean program(String containerId, String program, Instant at) {
        return recent(announced.get(programKey(containerId, program)), at);
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean recent(Instant announcedAt, Instant at) {
        return announcedAt != null && !announcedAt.plus(MEMORY).isBefore(at);
    }

    private static String commandKey(String containerId, List<String> argv) {
        return containerId + "\u0000" + String.join(" ", argv).strip();
    }

    private static String programKey(String containerId, String program) {
        return containerId + "\u0001" + baseName(program);
    }
}
