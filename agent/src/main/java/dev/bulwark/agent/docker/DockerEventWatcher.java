package dev.bulwark.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.bulwark.agent.sensor.SensorGap;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows the engine's {@code /events} stream for container events, keeps the {@link ContainerView} current
 * and hands every event to a listener. When the stream fails or ends it reconnects with backoff, resyncs the
 * view and asks the engine for the events since the last one it saw, so nothing in between is lost; each
 * reconnect is reported as a {@link SensorGap} because the engine only keeps a bounded backlog.
 *
 * <p>Start with {@link #start}; {@link #close} stops it. The listener runs on the watcher's thread, after the
 * view is updated.
 */
public final class DockerEventWatcher implements AutoCloseable {

    public static final String SENSOR = "docker-events";

    private static final System.Logger LOG = System.getLogger(DockerEventWatcher.class.getName());
    private static final Set<String> PUT = Set.of("start", "unpause", "pause", "update", "rename");
    private static final Set<String> REMOVE = Set.of("die", "destroy");
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration LAST_BACKOFF = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final ContainerView view;
    private final Thread thread;
    private volatile Instant lastEvent;
    private final Set<String> seenAtLastEvent = new HashSet<>();
    private volatile Closeable stream;
    private volatile boolean closed;
    private volatile boolean connected;
    private Consumer<ContainerEvent> events = event -> { };
    private Consumer<SensorGap> gaps = gap -> { };

    private DockerEventWatcher(DockerClient docker, ContainerView view, Instant since) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.view = Objects.requireNonNull(view, "view");
        this.lastEvent = Objects.requireNonNull(since, "since");
        this.thread = new Thread(this::run, "bulwark-" + SENSOR);
        this.thread.setDaemon(true);
    }

    /** A watcher for the events from now on. */
    public static DockerEventWatcher fromNow(DockerClient docker, ContainerView view) {
        return new DockerEventWatcher(docker, view, Instant.now());
    }

    /**
     * A watcher that first replays the events after {@code since} (as far as the engine's backlog reaches),
     * for an agent that restarts and remembers {@link #lastEventTime()}. The engine's {@code since} is
     * inclusive, so the watcher asks from one nanosecond later: the event at {@code since} was delivered.
     */
    public static DockerEventWatcher resumingAfter(DockerClient docker, ContainerView view, Instant since) {
        return new DockerEventWatcher(docker, view, since.plusNanos(1));
    }

    /** Resyncs the view, then follows the stream on its own thread. */
    public void start(Consumer<ContainerEvent> events, Consumer<SensorGap> gaps) {
        if (thread.isAlive() || closed) {
            throw new IllegalStateException("the Docker event watcher was already started: create a new one");
        }
        this.events = Objects.requireNonNull(events, "events");
        this.gaps = Objects.requireNonNull(gaps, "gaps");
        view.resync();
        thread.start();
    }

    /** When the last event seen happened (or the start time, before any): pass it to {@link #resumingAfter}. */
    public Instant lastEventTime() {
        return lastEvent;
    }

    /** Whether the event stream is open now. */
    public boolean connected() {
        return connected;
    }

    /** Drops the current connection as a broken one would; the watcher reconnects. For tests. */
    void dropConnection() {
        closeQuietly(stream);
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (!closed) {
            String why;
            try {
                var callback = docker.eventsCmd()
                        .withEventTypeFilter(EventType.CONTAINER)
                        .withSince(sinceParameter(lastEvent))
                        .exec(new ResultCallback.Adapter<Event>() {
                            @Override
                            public void onStart(Closeable stream) {
                                super.onStart(stream);
                                connected = true;
                            }

                            @Override
                            public void onNext(Event event) {
                                handle(event);
                            }
                        });
                stream = callback;
                if (closed) {
                    closeQuietly(callback);
                }
                callback.awaitCompletion();
                connected = false;
                why = "the Docker event stream ended";
                backoff = FIRST_BACKOFF;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                connected = false;
                why = "the Docker event stream failed (" + e + ")";
            }
            if (closed) {
                return;
            }
            gaps.accept(new SensorGap(SENSOR, Instant.now(), why + "; reconnecting after " + backoff.toMillis()
                    + " ms and replaying events since " + lastEvent));
            if (!sleep(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : backoff.multipliedBy(2);
            resyncQuietly();
        }
    }

    private void handle(Event event) {
        if (event.getId() == null || event.getAction() == null) {
            return;
        }
        Instant at = timeOf(event);
        var attributes = event.getActor() == null ? null : event.getActor().getAttributes();
        String key = event.getAction() + "/" + event.getId() + "/" + attributes;
        // Replaying from `since` repeats the events at exactly that instant: skip the ones already delivered.
        if (at.isBefore(lastEvent) || at.equals(lastEvent) && !seenAtLastEvent.add(key)) {
            return;
        }
        if (at.isAfter(lastEvent)) {
            seenAtLastEvent.clear();
            seenAtLastEvent.add(key);
            lastEvent = at;
        }
        ContainerEvent containerEvent = new ContainerEvent(event.getType() == null ? "container" : event.getType().getValue(),
                event.getAction(), event.getId(), attributes, at);
        if (PUT.contains(containerEvent.verb())) {
            view.refresh(containerEvent.containerId());
        } else if (REMOVE.contains(containerEvent.verb())) {
            view.remove(containerEvent.containerId());
        }
        events.accept(containerEvent);
    }

    private void resyncQuietly() {
        try {
            view.resync();
        } catch (RuntimeException e) {
            // The engine is still unreachable: the next connection attempt fails too and reports the gap.
            gaps.accept(new SensorGap(SENSOR, Instant.now(), "could not resync the container view: " + e));
        }
    }

    private static Instant timeOf(Event event) {
        if (event.getTimeNano() != null) {
            long nanos = event.getTimeNano();
            return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        }
        return event.getTime() == null ? Instant.now() : Instant.ofEpochSecond(event.getTime());
    }

    /** The engine takes {@code since} as Unix seconds with an optional nine-digit fraction. */
    static String sinceParameter(Instant since) {
        return since.getEpochSecond() + "." + String.format("%09d", since.getNano());
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing a stream that already broke: the reconnect loop reports what matters.
            LOG.log(System.Logger.Level.DEBUG, "closing the Docker event stream", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(stream);
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
