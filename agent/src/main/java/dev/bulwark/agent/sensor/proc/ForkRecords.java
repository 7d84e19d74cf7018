package dev.bulwark.agent.sensor.proc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which process started which, as the kernel announced each fork: the lineage of a process stays known after its
 * parent has exited (runc's stages exit within milliseconds of starting a {@code docker exec} or a health check, and a
 * short-lived process is often gone before {@code /proc} can be read). Filled by {@link ProcConnectorSensor}; empty
 * with the polling sensor. A reused PID's newer fork replaces the older one, since events arrive in order. Safe to
 * use from several threads.
 */
public final class ForkRecords {

    private static final int REMEMBERED = 65_536;

    private final Map<Long, Long> parents = new LinkedHashMap<>(4096, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Records that {@code parent} (a process ID) started the process {@code child}. */
    public synchronized void forked(long child, long parent) {
        parents.remove(child); // a reused PID: the newest fork is the one to keep, and the last to be evicted
        parents.put(child, parent);
    }

    /** The process that started this one, when its fork was seen. */
    public synchronized Optional<Long> parentOf(long pid) {
        return Optional.ofNullable(parents.get(pid));
    }
}
