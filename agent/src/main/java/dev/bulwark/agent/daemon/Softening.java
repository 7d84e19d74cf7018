package dev.bulwark.agent.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Which containers' blocks become alerts for a while because a sensor missed something. A gap softens the container
 * it names, or every container (key {@link Enforcer#HOST}) when it names none, for {@link #WINDOW} from the gap; a
 * gap inside that window does not lengthen it. A container, or the host, is softened at most {@value #BUDGET} times in
 * {@link #PERIOD}: a sensor flooded on purpose (a fanotify queue made to overflow, process or connection events made
 * to be lost) does not keep blocking off. A gap on the host softens only the containers that had started by the time of
 * the latest host gap in the window: what a sensor lost before a container started was not about it (a container started
 * after the Docker engine came back is judged in full at once). Thread-safe.
 */
final class Softening {

    static final Duration WINDOW = Duration.ofSeconds(5);
    static final int BUDGET = 3;
    static final Duration PERIOD = Duration.ofMinutes(5);
    /** Above this many keys, those not softened within {@link #PERIOD} are forgotten. */
    private static final int MOST_KEYS = 1_000;

    private final Map<String, Deque<Instant>> windows = new HashMap<>();
    /** The latest gap on each key inside its open window. */
    private final Map<String, Instant> latest = new HashMap<>();

    /** A gap on {@code key} at {@code at}: whether it softens, false once the key's budget for the period is spent. */
    synchronized boolean soften(String key, Instant at) {
        Deque<Instant> starts = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        // A start after this gap means the clock was set back: the budget keeps counting it (softening less, not more).
        while (!starts.isEmpty() && !starts.peekFirst().plus(PERIOD).isAfter(at)) {
            starts.removeFirst();
        }
        if (!starts.isEmpty() && open(starts.peekLast(), at)) {
            latest.merge(key, at, (was, now) -> now.isAfter(was) ? now : was);
            return true;
        }
        if (starts.size() >= BUDGET) {
            return false;
        }
        starts.addLast(at);
        latest.put(key, at);
        if (windows.size() > MOST_KEYS) {
            windows.values().removeIf(old -> old.isEmpty() || !old.peekLast().plus(PERIOD).isAfter(at));
            latest.keySet().retainAll(windows.keySet());
        }
        return true;
    }

    /**
     * Whether blocks on this container are softened now, by a gap on it, or by a gap on the host at or after
     * {@code startedAt} (when the container started; {@link Instant#MIN} when that is not known).
     */
    synchronized boolean softened(String containerId, Instant startedAt, Instant now) {
        return softenedKey(Enforcer.HOST, now) && !latest.get(Enforcer.HOST).isBefore(startedAt) || softenedKey(containerId, now);
    }

    private boolean softenedKey(String key, Instant now) {
        Deque<Instant> starts = windows.get(key);
        return starts != null && !starts.isEmpty() && open(starts.peekLast(), now);
    }

    /** A window that starts after {@code now} is closed: the clock was set back, and blocking must not wait for it. */
    private static boolean open(Instant start, Instant now) {
        return !now.isBefore(start) && now.isBefore(start.plus(WINDOW));
    }
}
