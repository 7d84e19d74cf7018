package dev.bulwark.agent.prevent;

import static dev.bulwark.agent.sensor.files.Fanotify.LIBC;

import com.sun.jna.NativeLong;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.files.Fanotify;
import dev.bulwark.agent.sensor.files.Mounts;
import dev.bulwark.agent.sensor.files.FanotifyEvent;
import dev.bulwark.agent.sensor.netlink.Wakeup;
import dev.bulwark.agent.sensor.proc.ProcReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Prevention: containers in protect mode have their mounts marked for fanotify's {@code FAN_OPEN_EXEC_PERM}, and the
 * credential files their profile never read for {@code FAN_OPEN_PERM}; the kernel then holds every exec (and every
 * such read) until the guard answers, and a refused one fails with "Operation not permitted" before the program runs.
 *
 * <p>The answer comes from {@link GuardRules}: a cached judgement of the file's identity in the common case, a hash of
 * its content the first time a file of a known program's size runs. Every request is answered within
 * {@link #DEADLINE} (allowed when it cannot be, and counted); when the agent dies, the kernel closes its groups and lets
 * every waiting process go on. Containers outside protect mode are never marked, so nothing of theirs waits.
 *
 * <p>A planner thread keeps the marks in step with the containers and their plans; a container it cannot mark is a gap
 * on that container alone, reported and tried again later, less and less often.
 */
public final class ExecGuard implements AutoCloseable {

    /** The longest a process waits for an answer: past it, the exec goes on. */
    public static final Duration DEADLINE = Duration.ofMillis(250);
    /** The longest the reader waits when nothing happens: a changed group or close wakes it at once. */
    private static final int POLL_MILLIS = 5000;
    private static final int ERROR_PAUSE_MILLIS = 10;
    private static final Duration PLAN_EVERY = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    private static final int NICE = -15;
    private static final System.Logger LOG = System.getLogger(ExecGuard.class.getName());
    private static final int SCHED_FIFO = 1;

    /** What the guard tells the rest of the agent. */
    public interface Listener {
        /** An exec or a read was refused. */
        void refused(Refusal refusal);

        /** A request was answered: {@code answer} is allow, deny or timeout. */
        void answered(String answer, long nanos);

        /** A container could not be (fully) guarded, or lost events. */
        void gap(SensorGap gap);
    }

    private record Group(int fd, GuardRules rules, String mountNamespace) {
    }

    private record Backoff(Instant next, Duration delay) {
    }

    private final Supplier<Map<String, GuardPlan>> plans;
    private final Listener listener;
    private final PermissionJudge judge;
    private final ContentHashes hashes = new ContentHashes();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final Map<String, Backoff> backoff = new HashMap<>();
    /** Groups no longer wanted: closed by the reader, so no descriptor it polls is closed (and reused) under it. */
    private final java.util.Queue<Integer> retired = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private Thread reader;
    private Thread planner;
    private volatile Wakeup wakeup;

    public ExecGuard(Supplier<Map<String, GuardPlan>> plans, ProcReader proc, Listener listener) {
        this.plans = plans;
        this.judge = new PermissionJudge(proc);
        this.listener = listener;
    }

    /** Checks that the kernel offers permission events, then starts guarding. */
    public synchronized void start() {
        int probe = LIBC.fanotify_init(Fanotify.FAN_CLASS_CONTENT | Fanotify.FAN_CLOEXEC, Fanotify.O_RDONLY);
        if (probe < 0) {
            throw new IllegalStateException("fanotify permission events are unavailable: " + Fanotify.lastError()
                    + "; run the agent as root on Linux 5.0 or later with CONFIG_FANOTIFY_ACCESS_PERMISSIONS,"
                    + " or set prevention: false in the agent's configuration");
        }
        LIBC.close(probe);
        running = true;
        wakeup = new Wakeup();
        reader = new Thread(this::read, "bulwark-guard");
        reader.setDaemon(true);
        reader.start();
        planner = new Thread(this::plan, "bulwark-guard-plans");
        planner.setDaemon(true);
        planner.start();
    }

    /** The containers guarded now. */
    public Set<String> guarded() {
        return Set.copyOf(groups.keySet());
    }

    /**
     * Whether the kernel refuses this program on this container whatever starts it: a name the container's
     * {@code deniedExecutables} resolve to, for a container guarded now.
     */
    public boolean refuses(String containerId, String path) {
        Group group = groups.get(containerId);
        return group != null && group.rules().refusedNames().contains(dev.bulwark.policy.runtime.PathGlob.normalize(path));
    }

    /** Brings the marks in step with the plans now (the planner does so every second). */
    public synchronized void sync() {
        Map<String, GuardPlan> wanted = plans.get();
        for (String id : List.copyOf(groups.keySet())) {
            GuardPlan plan = wanted.get(id);
            if (plan == null || plan.mainPid() != groups.get(id).rules().plan().mainPid()) {
                release(id);
            }
        }
        backoff.keySet().retainAll(wanted.keySet());
        Instant now = Instant.now();
        wanted.forEach((id, plan) -> {
            Group current = groups.get(id);
            if (current != null && current.rules().plan().equals(plan)) {
                return;
            }
            Backoff waiting = backoff.get(id);
            if (current == null && waiting != null && now.isBefore(waiting.next())) {
                return;
            }
            try {
                guard(plan);
                backoff.remove(id);
            } catch (IOException | RuntimeException e) {
                Duration wait = waiting == null ? Duration.ofSeconds(1) : min(waiting.delay().multipliedBy(2), MAX_BACKOFF);
                backoff.put(id, new Backoff(now.plus(wait), wait));
                listener.gap(new SensorGap("exec-guard", now, "container " + id + " is not guarded: " + e.getMessage()
                        + "; trying again in " + wait.toSeconds() + " s", id));
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void guard(GuardPlan plan) throws IOException {
        ContainerFiles files = ContainerFiles.ofProcess(plan.mainPid());
        GuardRules rules = GuardRules.build(plan, files, hashes);
        String namespace = Files.readSymbolicLink(Path.of("/proc", Long.toString(plan.mainPid()), "ns", "mnt")).toString();
        int fd = LIBC.fanotify_init(Fanotify.FAN_CLASS_CONTENT | Fanotify.FAN_CLOEXEC | Fanotify.FAN_NONBLOCK,
                Fanotify.O_RDONLY | Fanotify.O_LARGEFILE);
        if (fd < 0) {
            throw new IllegalStateException("fanotify_init failed: " + Fanotify.lastError()
                    + " (too many groups? see fs.fanotify.max_user_groups)");
        }
        try {
            for (String mount : Mounts.executable(plan.mainPid())) {
                Path path = files.hostPath(mount);
                if (LIBC.fanotify_mark(fd, Fanotify.FAN_MARK_ADD | Fanotify.FAN_MARK_MOUNT, Fanotify.FAN_OPEN_EXEC_PERM,
                        Fanotify.AT_FDCWD, path.toString()) < 0) {
                    throw new IllegalStateException("cannot mark its mount " + mount + ": " + Fanotify.lastError());
                }
            }
            for (String credential : rules.credentials()) {
                Path path = files.hostPath(credential);
                if (LIBC.fanotify_mark(fd, Fanotify.FAN_MARK_ADD | Fanotify.FAN_MARK_DONT_FOLLOW, Fanotify.FAN_OPEN_PERM,
                        Fanotify.AT_FDCWD, path.toString()) < 0) {
                    throw new IllegalStateException("cannot guard " + credential + ": " + Fanotify.lastError());
                }
            }
        } catch (RuntimeException e) {
            LIBC.close(fd);
            throw e;
        }
        Group old = groups.put(plan.containerId(), new Group(fd, rules, namespace));
        if (old != null) {
            retired.add(old.fd()); // once closed, the kernel lets whatever still waits on the old group go on
        }
        wake();
    }

    private void release(String containerId) {
        Group group = groups.remove(containerId);
        if (group != null) {
            retired.add(group.fd());
            wake();
        }
    }

    private void plan() {
        while (running) {
            try {
                sync();
            } catch (RuntimeException e) {
                listener.gap(new SensorGap("exec-guard", Instant.now(), "guard plans were not brought up to date: " + e));
            }
            try {
                Thread.sleep(PLAN_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read() {
        prioritise();
        byte[] buffer = new byte[16 * 1024];
        while (running) {
            closeRetired();
            List<Map.Entry<String, Group>> watched = List.copyOf(groups.entrySet());
            int[] pollFds = new int[watched.size() * 2 + 2];
            for (int i = 0; i < watched.size(); i++) {
                pollFds[2 * i] = watched.get(i).getValue().fd();
                pollFds[2 * i + 1] = Fanotify.POLLIN;
            }
            pollFds[2 * watched.size()] = wakeup.descriptor();
            pollFds[2 * watched.size() + 1] = Fanotify.POLLIN;
            int ready = LIBC.poll(pollFds, watched.size() + 1, POLL_MILLIS);
            if (ready < 0) {
                continue; // EINTR: poll again with the current set
            }
            boolean drained = (pollFds[2 * watched.size() + 1] >>> 16 & Fanotify.POLLIN) != 0;
            if (drained) {
                wakeup.clear(); // the set changed: built again on the next round
            }
            for (int i = 0; i < watched.size(); i++) {
                if ((pollFds[2 * i + 1] >>> 16 & Fanotify.POLLIN) != 0) {
                    drain(watched.get(i).getKey(), watched.get(i).getValue(), buffer);
                    drained = true;
                }
            }
            if (ready > 0 && !drained) {
                sleep(ERROR_PAUSE_MILLIS); // an error condition on a descriptor: never spin at real-time priority
            }
        }
    }

    private void drain(String containerId, Group group, byte[] buffer) {
        while (true) {
            long read = LIBC.read(group.fd(), buffer, new NativeLong(buffer.length)).longValue();
            if (read <= 0) {
                return; // EAGAIN: drained; or the group was closed by the planner
            }
            for (FanotifyEvent event : FanotifyEvent.parse(buffer, (int) read)) {
                if (event.overflowed()) {
                    listener.gap(new SensorGap("exec-guard", Instant.now(), "the guard's queue overflowed", containerId));
                    continue;
                }
                answer(containerId, group, event);
            }
        }
    }

    private void answer(String containerId, Group group, FanotifyEvent event) {
        long started = System.nanoTime();
        int response = Fanotify.FAN_ALLOW;
        String answer = "allow";
        try {
            PermissionJudge.Decided decided = judge.decide(containerId, group.rules(), group.mountNamespace(), event,
                    started + DEADLINE.toNanos());
            if (decided.refusal() != null) {
                response = Fanotify.FAN_DENY;
                answer = "deny";
            } else if (decided.timedOut()) {
                answer = "timeout";
            }
            respond(group.fd(), event.fd(), response);
            long took = System.nanoTime() - started;
            listener.answered(answer, took);
            if (decided.refusal() != null) {
                listener.refused(decided.refusal());
            } else if (decided.timedOut()) {
                listener.gap(new SensorGap("exec-guard", Instant.now(), "an exec of " + decided.path()
                        + " was let through unjudged: " + decided.why(), containerId));
            }
        } catch (RuntimeException e) {
            respond(group.fd(), event.fd(), Fanotify.FAN_ALLOW);
            listener.answered("timeout", System.nanoTime() - started);
            listener.gap(new SensorGap("exec-guard", Instant.now(), "an open was let through unjudged: " + e, containerId));
        } finally {
            LIBC.close(event.fd());
        }
    }

    /**
     * Every exec in a guarded container waits for this thread, so it runs under the real-time policy SCHED_FIFO at the
     * lowest real-time priority: the agent's own busy threads (sensors judging a burst of execs) and the rest of the
     * host cannot keep it waiting for a time slice (measured: p99 of an answer 2.4 ms at nice 0 on two busy cores,
     * 0.2 ms under SCHED_FIFO). Its work per request is bounded (see {@link #DEADLINE}) and it sleeps in poll between
     * requests; the kernel's real-time throttling bounds it in any case. Without CAP_SYS_NICE it runs at nice -15.
     */
    private static void prioritise() {
        try {
            int tid = LIBC.gettid();
            if (LIBC.sched_setscheduler(tid, SCHED_FIFO, new int[] {1}) < 0 && LIBC.setpriority(0, tid, NICE) < 0) {
                LOG.log(System.Logger.Level.DEBUG, "cannot raise the guard's priority: "
                        + Fanotify.lastError());
            }
        } catch (UnsatisfiedLinkError tooOldLibc) {
            LOG.log(System.Logger.Level.DEBUG, "gettid needs glibc 2.30: the guard runs at the normal priority", tooOldLibc);
        }
    }

    private static void respond(int groupFd, int eventFd, int response) {
        ByteBuffer reply = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(eventFd).putInt(response);
        LIBC.write(groupFd, reply.array(), new NativeLong(8));
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wake() {
        Wakeup ringing = wakeup;
        if (ringing != null) {
            ringing.ring();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        for (Thread thread : new Thread[] {planner, reader}) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        List.copyOf(groups.keySet()).forEach(this::release);
        closeRetired();
        if (wakeup != null) {
            wakeup.close();
        }
    }

    private void closeRetired() {
        for (Integer fd = retired.poll(); fd != null; fd = retired.poll()) {
            LIBC.close(fd);
        }
    }
}
