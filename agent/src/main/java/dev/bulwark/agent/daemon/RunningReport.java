package dev.bulwark.agent.daemon;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.store.posture.PostureDatabase;
import dev.bulwark.store.posture.PostureRows.Running;
import dev.bulwark.store.posture.PostureStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Tells the posture store which images run on this host, since when and in how many containers, so that a refresh
 * names the hosts of an image that fails now. A store that cannot be reached is reported once and tried again at the
 * next report; the agent goes on.
 */
public final class RunningReport implements AutoCloseable {

    private final String location;
    private final String host;
    private final Consumer<String> warn;
    private PostureDatabase database;
    private boolean failing;

    /**
     * @param location the posture store (an SQLite file or a {@code jdbc:postgresql://} URL)
     * @param host     this host's name in the store
     * @param warn     where a failure to report is said
     */
    public RunningReport(String location, String host, Consumer<String> warn) {
        this.location = location;
        this.host = host;
        this.warn = warn;
    }

    /** Reports the running containers' images, replacing this host's previous report; true when it was written. */
    public synchronized boolean report(Collection<ContainerInfo> containers, Instant now) {
        try {
            if (database == null) {
                database = PostureDatabase.open(location);
            }
            new PostureStore(database).reportRunning(host, running(host, containers, now));
            if (failing) {
                warn.accept("the posture store " + database.describe() + " takes reports of what runs here again");
            }
            failing = false;
            return true;
        } catch (RuntimeException e) {
            if (!failing) {
                warn.accept("what runs here was not reported to the posture store (tried again every minute): " + e.getMessage());
            }
            failing = true;
            return false;
        }
    }

    /** The running containers grouped by image ID: how many, and since the earliest started. */
    static List<Running> running(String host, Collection<ContainerInfo> containers, Instant now) {
        Map<String, List<ContainerInfo>> byImage = new TreeMap<>();
        for (ContainerInfo container : containers) {
            if (container.running() && !container.imageId().isEmpty()) {
                byImage.computeIfAbsent(container.imageId(), id -> new ArrayList<>()).add(container);
            }
        }
        List<Running> running = new ArrayList<>();
        byImage.forEach((image, started) -> {
            Instant since = now;
            for (ContainerInfo container : started) {
                if (container.startedAt().isAfter(Instant.EPOCH) && container.startedAt().isBefore(since)) {
                    since = container.startedAt();
                }
            }
            running.add(new Running(host, image, started.size(), since, now));
        });
        return running;
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
