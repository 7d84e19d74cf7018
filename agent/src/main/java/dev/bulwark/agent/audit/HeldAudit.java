package dev.bulwark.agent.audit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit log as the enforcer writes it: an append never fails, so a full disk or a locked database never stops a
 * response. An entry the log cannot take is held in memory, in order, and written before the next one (or at the
 * next {@link #flush}) once the log takes entries again; at most {@value #MOST_HELD} are held, and the oldest are
 * dropped past that, counted. Thread-safe.
 */
public final class HeldAudit {

    static final int MOST_HELD = 20_000;
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final AuditLog log;
    private final Consumer<String> warn;
    private final Runnable failed;
    private final Deque<AuditEntry> held = new ArrayDeque<>();
    private long dropped;
    private long lastWarning = Long.MIN_VALUE;

    /**
     * @param failed called for each append the log refused (for a metric)
     * @param warn   told what went wrong, at most once a minute while it goes on
     */
    public HeldAudit(AuditLog log, Runnable failed, Consumer<String> warn) {
        this.log = log;
        this.failed = failed;
        this.warn = warn;
    }

    /** Writes the entry after any held before it; holds it when the log cannot take it now. */
    public synchronized void append(AuditEntry entry) {
        held.addLast(entry);
        if (held.size() > MOST_HELD) {
            held.removeFirst();
            dropped++;
        }
        flush();
    }

    /** Writes what is held, oldest first, until the log refuses one. */
    public synchronized void flush() {
        while (!held.isEmpty()) {
            try {
                log.append(held.peekFirst());
                held.removeFirst();
            } catch (RuntimeException e) { // AuditException, or whatever the database driver threw
                failed.run();
                long now = System.nanoTime();
                if (lastWarning == Long.MIN_VALUE || now - lastWarning >= WARN_EVERY.toNanos()) {
                    lastWarning = now;
                    warn.accept((e instanceof AuditException ? e.getMessage() : "the audit log failed: " + e) + "; " + held.size() + " audit entries are held in memory until it can be"
                            + " written" + (dropped == 0 ? "" : " (" + dropped + " older ones were dropped)"));
                }
                return;
            }
        }
        if (lastWarning != Long.MIN_VALUE) {
            lastWarning = Long.MIN_VALUE;
            warn.accept("the audit log takes entries again: every held entry is written"
                    + (dropped == 0 ? "" : ", but for " + dropped + " dropped while more than " + MOST_HELD + " were held"));
        }
    }

    /** The audit log it writes to. */
    public AuditLog log() {
        return log;
    }

    /** What is wrong, for the health endpoint: entries waiting for the audit log; empty when none wait. */
    public synchronized Optional<String> problem() {
        return held.isEmpty() ? Optional.empty() : Optional.of(held.size() + " audit entries wait to be written to "
                + log.directory() + " (a full disk, or the database locked by another process)");
    }
}
