package dev.bulwark.agent.sensor.files;

import static dev.bulwark.agent.sensor.files.Fanotify.LIBC;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.netlink.Wakeup;
import dev.bulwark.policy.runtime.FileAccessKind;
import dev.bulwark.policy.runtime.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches each container's files with fanotify: one notification group per container, marking its root mount seen
 * through {@code /proc/<mainPid>/root} and every other mount it has (volumes, bind mounts, tmpfs; see
 * {@link Mounts#files}), so every event belongs to the container whose group it came from, and
 * its path is the one the container sees. Reports opens as {@code read}, opens to execute as {@code exec} (the executable of every exec, however short
 * the process lived) and changes as {@code write}, every path; the caller decides which matter.
 * Needs CAP_SYS_ADMIN in the host's user namespace.
 */
public final class FanotifySensor implements Sensor {

    private static final long EVENT_MASK = Fanotify.FAN_OPEN | Fanotify.FAN_OPEN_EXEC | Fanotify.FAN_MODIFY | Fanotify.FAN_CLOSE_WRITE;
    /** How often new containers are marked: a poll waits until then when nothing happens. */
    private static final long SYNC_NANOS = 1_000_000_000L;

    private final Supplier<Map<String, Long>> containers;
    private final Map<String, Mark> marks = new HashMap<>(); // container ID → its fanotify group
    private final Map<String, Retry> retryAt = new HashMap<>(); // container ID → when to try marking it again
    private static final java.time.Duration MAX_RETRY = java.time.Duration.ofMinutes(2);
    private final byte[] buffer = new byte[64 * 1024];
    private final long selfPid = ProcessHandle.current().pid();
    private volatile boolean running;
    private Thread thread;
    private Wakeup wakeup; // rung by close: the poll ends at once

    /** @param containers the running containers: full container ID → main process ID (host namespace) */
    public FanotifySensor(Supplier<Map<String, Long>> containers) {
        this.containers = Objects.requireNonNull(containers, "containers");
    }

    @Override
    public String name() {
        return "fanotify";
    }

    /**
     * Watches the containers running now (failing if it cannot) and then those that start later.
     *
     * @throws FanotifyUnavailableException when fanotify cannot be set up or cannot mark a container's root
     */
    @Override
    public synchronized void start(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        if (thread != null) {
            throw new IllegalStateException("sensor fanotify is already started");
        }
        int probe = LIBC.fanotify_init(Fanotify.FAN_CLASS_NOTIF | Fanotify.FAN_CLOEXEC, Fanotify.O_RDONLY);
        if (probe < 0) {
            throw new FanotifyUnavailableException("fanotify_init failed: " + Fanotify.lastError()
                    + "; run the agent as root with CAP_SYS_ADMIN on a kernel built with CONFIG_FANOTIFY,"
                    + " or disable the fanotify sensor");
        }
        LIBC.close(probe);
        try {
            containers.get().forEach((id, pid) -> marks.put(id, reported(id, watch(id, pid), gaps)));
        } catch (FanotifyUnavailableException e) {
            closeAll();
            throw e;
        }
        running = true;
        wakeup = new Wakeup();
        thread = new Thread(() -> run(observations, gaps), "bulwark-sensor-fanotify");
        thread.setDaemon(true);
        thread.start();
    }

    /** A container that could not be marked: tried again at {@code next}, then after twice {@code delay}. */
    private record Retry(Instant next, java.time.Duration delay) {
    }

    /**
     * A fanotify group watching a container's mounts, as its main process {@code mainPid} sees them; {@code unwatched}
     * says which mounts other than the root could not be marked, and why.
     */
    private record Mark(int descriptor, long mainPid, MountMarks mounts) {
    }

    private static Mark watch(String containerId, long mainPid) {
        int fd = LIBC.fanotify_init(Fanotify.FAN_CLASS_NOTIF | Fanotify.FAN_CLOEXEC | Fanotify.FAN_NONBLOCK,
                Fanotify.O_RDONLY | Fanotify.O_LARGEFILE);
        if (fd < 0) {
            throw new FanotifyUnavailableException("fanotify_init for container " + containerId + " failed: "
                    + Fanotify.lastError() + " (too many groups? see fs.fanotify.max_user_groups)");
        }
        String root = "/proc/" + mainPid + "/root";
        if (LIBC.fanotify_mark(fd, Fanotify.FAN_MARK_ADD | Fanotify.FAN_MARK_MOUNT, EVENT_MASK, Fanotify.AT_FDCWD,
                root) < 0) {
            String error = Fanotify.lastError();
            LIBC.close(fd);
            throw new FanotifyUnavailableException("fanotify cannot mark the root mount of container " + containerId
                    + " (" + root + "): " + error + "; its storage driver's mounts may not support fanotify");
        }
        return new Mark(fd, mainPid, MountMarks.mark(fd, mainPid, EVENT_MASK));
    }

    private Mark reported(String containerId, Mark mark, Consumer<SensorGap> gaps) {
        if (!mark.mounts().unwatched().isEmpty()) {
            gaps.accept(new SensorGap(name(), Instant.now(), "fanotify cannot watch these mounts of container " + containerId
                    + ": " + String.join(", ", mark.mounts().unwatched()) + "; writes and reads there are not seen", containerId));
        }
        return mark;
    }

    private void closeAll() {
        marks.values().forEach(mark -> LIBC.close(mark.descriptor()));
        marks.clear();
    }

    private void run(Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        long lastSync = System.nanoTime();
        try {
            while (running) {
                if (System.nanoTime() - lastSync >= SYNC_NANOS) {
                    sync(gaps);
                    lastSync = System.nanoTime();
                }
                pollOnce(observations, gaps, (int) Math.max(1, (SYNC_NANOS - (System.nanoTime() - lastSync)) / 1_000_000));
            }
        } catch (RuntimeException e) {
            gaps.accept(new SensorGap(name(), Instant.now(), "fanotify sensor stopped: " + e));
        } finally {
            closeAll();
            wakeup.close();
        }
    }

    /**
     * Watches new containers and forgets removed ones. A restarted container has a new main process and a new mount of
     * its root: the old mark sees nothing of it, so it is watched afresh.
     */
    private void sync(Consumer<SensorGap> gaps) {
        Map<String, Long> now = containers.get();
        marks.entrySet().removeIf(mark -> {
            boolean gone = !Long.valueOf(mark.getValue().mainPid()).equals(now.get(mark.getKey()));
            if (gone) {
                LIBC.close(mark.getValue().descriptor());
            }
            return gone;
        });
        retryAt.keySet().retainAll(now.keySet());
        Instant at = Instant.now();
        now.forEach((id, pid) -> {
            Retry retry = retryAt.get(id);
            if (!marks.containsKey(id) && (retry == null || !at.isBefore(retry.next()))) {
                try {
                    marks.put(id, reported(id, watch(id, pid), gaps));
                    retryAt.remove(id);
                } catch (FanotifyUnavailableException e) {
                    java.time.Duration wait = retry == null ? java.time.Duration.ofSeconds(1)
                            : retry.delay().multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.delay().multipliedBy(2);
                    retryAt.put(id, new Retry(at.plus(wait), wait));
                    gaps.accept(new SensorGap(name(), at, e.getMessage() + "; trying again in " + wait.toSeconds() + " s", id));
                }
            }
        });
    }

    private void pollOnce(Consumer<Observation> observations, Consumer<SensorGap> gaps, int timeoutMillis) {
        List<Map.Entry<String, Mark>> watched = List.copyOf(marks.entrySet());
        int[] pollFds = new int[watched.size() * 2 + 2];
        for (int i = 0; i < watched.size(); i++) {
            pollFds[2 * i] = watched.get(i).getValue().descriptor();
            pollFds[2 * i + 1] = Fanotify.POLLIN;
        }
        pollFds[2 * watched.size()] = wakeup.descriptor();
        pollFds[2 * watched.size() + 1] = Fanotify.POLLIN;
        if (LIBC.poll(pollFds, watched.size() + 1, timeoutMillis) < 0) {
            if (Native.getLastError() != Fanotify.EINTR) {
                throw new IllegalStateException("poll on fanotify descriptors failed: " + Fanotify.lastError());
            }
            return;
        }
        for (int i = 0; i < watched.size(); i++) {
            if ((pollFds[2 * i + 1] >>> 16 & Fanotify.POLLIN) != 0) {
                drain(watched.get(i).getKey(), watched.get(i).getValue(), observations, gaps);
            }
        }
    }

    private void drain(String containerId, Mark mark, Consumer<Observation> observations, Consumer<SensorGap> gaps) {
        int fd = mark.descriptor();
        while (true) {
            long read = LIBC.read(fd, buffer, new NativeLong(buffer.length)).longValue();
            if (read < 0) {
                int errno = Native.getLastError();
                if (errno == Fanotify.EAGAIN || errno == Fanotify.EINTR) {
                    return;
                }
                throw new IllegalStateException("reading fanotify events of container " + containerId + " failed: "
                        + Fanotify.lastError());
            }
            for (FanotifyEvent event : FanotifyEvent.parse(buffer, (int) read)) {
                deliver(containerId, mark.mounts(), event, observations, gaps);
            }
        }
    }

    private void deliver(String containerId, MountMarks mounts, FanotifyEvent event, Consumer<Observation> observations,
                         Consumer<SensorGap> gaps) {
        if (event.overflowed()) {
            gaps.accept(new SensorGap(name(), Instant.now(), "fanotify queue of container " + containerId
                    + " overflowed: file events were lost", containerId));
            return;
        }
        try {
            if (event.pid() == selfPid) {
                return; // the agent's own look into the container is not the container's doing
            }
            String path = mounts.pathOf(event.fd());
            Instant at = Instant.now();
            for (FileAccessKind kind : event.kinds()) {
                observations.accept(new Observation.FileAccess(containerId, at, path, kind, event.pid()));
            }
        } finally {
            LIBC.close(event.fd());
        }
    }

    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
            if (wakeup != null) {
                wakeup.ring();
            }
        }
        if (stopping != null) {
            try {
                stopping.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
