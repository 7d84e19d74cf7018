package dev.bulwark.policy.text;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The results of a pure function of a string, kept so that the same text is worked out once: a version read for
 * every advisory that names it, a CVSS vector scored for every finding that carries it. At most {@code capacity}
 * results are kept; when full, all are forgotten at once (a scan's working set is far smaller). A text the function
 * refuses (it throws) is not kept. Thread-safe.
 *
 * @param <T> what the function makes of a text; immutable
 */
public final class Memo<T> {

    private final ConcurrentHashMap<String, T> kept = new ConcurrentHashMap<>();
    private final int capacity;
    private final Function<String, T> function;

    public Memo(int capacity, Function<String, T> function) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a memo keeps at least one result, not " + capacity);
        }
        this.capacity = capacity;
        this.function = Objects.requireNonNull(function, "function");
    }

    /** The function's result for this text, worked out now or kept from before. */
    public T of(String text) {
        T value = kept.get(text);
        if (value == null) {
            value = Objects.requireNonNull(function.apply(text), "a memo's function returned null");
            if (kept.size() >= capacity) {
                kept.clear();
            }
            kept.put(text, value);
        }
        return value;
    }
}
