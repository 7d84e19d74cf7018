package dev.bulwark.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.scanner.docker.DockerEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against the real Docker engine with the locally built test images. */
class DockerEventWatcherTest {

    private final DockerCli cli = new DockerCli();
    private final DockerEngine engine = DockerEngine.fromEnvironment();
    private final ContainerView view = new ContainerView(engine.client());
    private final List<ContainerEvent> events = new CopyOnWriteArrayList<>();
    private final List<SensorGap> gaps = new CopyOnWriteArrayList<>();
    private DockerEventWatcher watcher;

    @AfterEach
    void stopAndRemoveContainers() {
        if (watcher != null) {
            watcher.close();
        }
        cli.removeAll();
        engine.close();
    }

    @Test
    void seesStartAndDieEvents() {
        watcher = DockerEventWatcher.fromNow(engine.client(), view);
        watcher.start(events::add, gaps::add);

        String id = cli.runSleeper(DockerCli.uniqueName("events"));
        awaitEvent(id, "start");
        assertThat(view.get(id)).isPresent();

        DockerCli.docker("kill", id);
        awaitEvent(id, "die");
        assertThat(view.get(id)).isEmpty();
        assertThat(gaps).isEmpty();
    }

    @Test
    void seesADockerExecWithItsCommand() {
        String id = cli.runSleeper(DockerCli.uniqueName("exec"));
        watcher = DockerEventWatcher.fromNow(engine.client(), view);
        watcher.start(events::add, gaps::add);

        DockerCli.docker("exec", id, "sh", "-c", "true");

        ContainerEvent exec = awaitEvent(id, "exec_start");
        assertThat(exec.command()).hasValueSatisfying(command -> assertThat(command).contains("sh"));
        assertThat(exec.action()).startsWith("exec_start: ");
    }

    @Test
    void resyncsAfterReconnect() {
        watcher = DockerEventWatcher.fromNow(engine.client(), view);
        watcher.start(events::add, gaps::add);

        await(watcher::connected, "the event stream to open");
        watcher.dropConnection();
        await(() -> !gaps.isEmpty(), "a gap for the dropped connection");
        assertThat(gaps.get(0).sensor()).isEqualTo(DockerEventWatcher.SENSOR);

        String id = cli.runSleeper(DockerCli.uniqueName("reconnect"));
        awaitEvent(id, "start");
        assertThat(view.get(id)).isPresent();
    }

    @Test
    void replaysTheEventsMissedWhileItWasDown() {
        watcher = DockerEventWatcher.fromNow(engine.client(), view);
        watcher.start(events::add, gaps::add);
        String before = cli.runSleeper(DockerCli.uniqueName("before"));
        awaitEvent(before, "start");
        Instant last = watcher.lastEventTime();
        watcher.close();

        String whileDown = cli.runSleeper(DockerCli.uniqueName("while-down"));
        ContainerView freshView = new ContainerView(engine.client());
        watcher = DockerEventWatcher.resumingAfter(engine.client(), freshView, last);
        watcher.start(events::add, gaps::add);

        assertThat(freshView.get(whileDown)).as("found by the resync at start").isPresent();
        awaitEvent(whileDown, "start");
        assertThat(events.stream().filter(e -> e.containerId().equals(before) && e.verb().equals("start")))
                .as("the event at exactly `since` is not delivered twice").hasSize(1);
    }

    private ContainerEvent awaitEvent(String containerId, String verb) {
        await(() -> find(containerId, verb) != null, verb + " of " + containerId + "; its events so far: "
                + events.stream().filter(e -> e.containerId().equals(containerId)).map(ContainerEvent::action).toList());
        return find(containerId, verb);
    }

    private ContainerEvent find(String containerId, String verb) {
        return events.stream().filter(e -> e.containerId().equals(containerId) && e.verb().equals(verb))
                .findFirst().orElse(null);
    }

    private void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
