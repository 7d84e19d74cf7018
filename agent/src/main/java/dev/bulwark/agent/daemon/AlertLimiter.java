package dev.bulwark.agent.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps alerts few enough to be read: the same alert on the same container at most once per window, and at most
 * {@value #PER_CONTAINER} alerts per container per window. A held alert is counted, and the next one that goes out
 * says how many were held. Blocks are never held.
 */
final class AlertLimiter {

    static final int PER_CONTAINER = 20;

    private record Window(Instant start, int sent) {
    }

    private final Duration window;
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, Window> perContainer = new HashMap<>();
    private final Map<String, Integer> held = new HashMap<>();

    AlertLimiter(Duration window) {
        this.window = window;
    }

    /**
     * Whether an alert goes out now; when it does, the note to add about alerts held since the last one (may be empty).
     */
    Optional<String> admit(String containerId, String alertKey, Instant at) {
        String key = containerId + "\u0000" + alertKey;
        Instant last = lastSent.get(key);
        Window current = perContainer.get(containerId);
        // A window or an alert after this one means the clock was set back: it holds nothing back.
        if (current == null || !current.start().plus(window).isAfter(at) || current.start().isAfter(at)) {
            current = new Window(at, 0);
        }
        if (last != null && last.plus(window).isAfter(at) && !last.isAfter(at) || current.sent() >= PER_CONTAINER) {
            held.merge(containerId, 1, Integer::sum);
            perContainer.put(containerId, current);
            return Optional.empty();
        }
        lastSent.put(key, at);
        perContainer.put(containerId, new Window(current.start(), current.sent() + 1));
        int heldBefore = held.getOrDefault(containerId, 0);
        held.remove(containerId);
        return Optional.of(heldBefore == 0 ? "" : " (" + heldBefore + " similar alerts on this container were held back)");
    }
}
