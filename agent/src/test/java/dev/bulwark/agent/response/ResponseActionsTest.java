package dev.bulwark.agent.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.docker.DockerCli;
import dev.bulwark.policy.runtime.Response;
import dev.bulwark.scanner.docker.DockerEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the real Docker engine with the locally built test images. */
class ResponseActionsTest {

    private final DockerCli cli = new DockerCli();
    private final DockerEngine engine = DockerEngine.fromEnvironment();
    @TempDir
    Path stateDirectory;
    private QuarantineLedger ledger;

    @AfterEach
    void removeContainersAndNetworks() {
        cli.removeAll();
        if (ledger != null) {
            ledger.close();
        }
        engine.close();
    }

    @Test
    void quarantineDisconnectsEveryNetworkAndReleaseReconnectsThem() {
        String network = DockerCli.uniqueName("net");
        cli.createNetwork(network);
        String id = cli.runSleeper(DockerCli.uniqueName("quarantine"));
        DockerCli.docker("network", "connect", network, id);
        ResponseActions actions = actions();

        ActionOutcome quarantined = actions.forKind(Response.QUARANTINE).apply(inspect(id));

        assertThat(quarantined).isInstanceOf(ActionOutcome.Done.class);
        assertThat(inspect(id).networks()).isEmpty();
        assertThat(inspect(id).running()).isTrue();

        ledger.close();
        ledger = QuarantineLedger.open(stateDirectory);
        ActionOutcome released = new Release(engine.client(), ledger).release(id);

        assertThat(released).isInstanceOf(ActionOutcome.Done.class);
        assertThat(inspect(id).networks()).containsExactlyInAnyOrder("bridge", network);
        assertThat(ledger.networks(id)).isEmpty();
    }

    @Test
    void pauseFreezesTheContainerAndReleaseThawsIt() {
        String id = cli.runSleeper(DockerCli.uniqueName("pause"));

        assertThat(actions().forKind(Response.PAUSE).apply(inspect(id))).isEqualTo(new ActionOutcome.Done("paused"));
        assertThat(inspect(id).paused()).isTrue();

        assertThat(new Release(engine.client(), ledger).release(id)).isEqualTo(new ActionOutcome.Done("unpaused"));
        assertThat(inspect(id).paused()).isFalse();
    }

    @Test
    void releaseSaysSoWhenThereIsNothingToRelease() {
        String id = cli.runSleeper(DockerCli.uniqueName("free"));
        actions();

        ActionOutcome outcome = new Release(engine.client(), ledger).release(id);

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("nothing to release", "neither paused nor quarantined"));
    }

    @Test
    void stopStopsTheContainer() {
        String id = cli.runSleeper(DockerCli.uniqueName("stop"));

        assertThat(actions().forKind(Response.STOP).apply(inspect(id))).isInstanceOf(ActionOutcome.Done.class);

        assertThat(inspect(id).running()).isFalse();
    }

    @Test
    void killKillsTheContainer() {
        String id = cli.runSleeper(DockerCli.uniqueName("kill"));

        assertThat(actions().forKind(Response.KILL).apply(inspect(id))).isEqualTo(new ActionOutcome.Done("killed"));

        assertThat(inspect(id).running()).isFalse();
    }

    @Test
    void alertLeavesTheContainerRunning() {
        String id = cli.runSleeper(DockerCli.uniqueName("alert"));

        assertThat(actions().forKind(Response.ALERT).apply(inspect(id))).isEqualTo(new ActionOutcome.Done("alerted"));

        assertThat(inspect(id).running()).isTrue();
    }

    @Test
    void aFailedCallIsAnOutcomeThatSaysWhatToCheck() {
        String id = cli.runSleeper(DockerCli.uniqueName("gone"));
        ContainerInfo info = inspect(id);
        DockerCli.docker("rm", "-f", id);

        assertThat(actions().forKind(Response.PAUSE).apply(info)).isInstanceOfSatisfying(ActionOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("could not pause", info.name(), "docker ps -a"));
    }

    @Test
    void everyResponseKindIsRegistered() {
        ResponseActions actions = actions();

        assertThat(actions.kinds()).containsExactlyInAnyOrder(Response.values());
        for (Response kind : Response.values()) {
            assertThat(actions.forKind(kind).kind()).isEqualTo(kind);
        }
    }

    private ResponseActions actions() {
        ledger = QuarantineLedger.open(stateDirectory);
        return new ResponseActions(engine.client(), ledger);
    }

    private ContainerInfo inspect(String id) {
        return ContainerInfo.of(engine.client().inspectContainerCmd(id).exec());
    }
}
