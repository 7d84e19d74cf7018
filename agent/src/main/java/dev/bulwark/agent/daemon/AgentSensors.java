package dev.bulwark.agent.daemon;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.agent.docker.ContainerView;
import dev.bulwark.agent.sensor.Sensor;
import dev.bulwark.agent.sensor.SensorGap;
import dev.bulwark.agent.sensor.files.DockerChangesSensor;
import dev.bulwark.agent.sensor.files.FanotifySensor;
import dev.bulwark.agent.sensor.files.FanotifyUnavailableException;
import dev.bulwark.agent.sensor.network.HostNetworkSensor;
import dev.bulwark.agent.sensor.resources.CgroupStatsSensor;
import dev.bulwark.agent.sensor.proc.ForkRecords;
import dev.bulwark.agent.sensor.proc.ProcConnectorSensor;
import dev.bulwark.agent.sensor.proc.ProcConnectorUnavailableException;
import dev.bulwark.agent.sensor.proc.ProcPollSensor;
import dev.bulwark.agent.sensor.proc.ProcReader;
import dev.bulwark.policy.runtime.Observation;
import dev.bulwark.scanner.docker.DockerEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The agent's sensors, started in order: the process sensor first (the kernel's process connector, else /proc
 * polling), then fanotify (sensitive reads and writes; without it the engine's change lists are polled more often),
 * the network, the engine's file changes and the cgroups' resource use. Each reports what it saw with its own name.
 */
final class AgentSensors {

    private AgentSensors() {
    }

    /**
     * Starts every sensor; the process sensor is the list's first.
     *
     * @param seen what a sensor saw, with the sensor's name
     * @param gaps what a sensor missed
     */
    static List<Sensor> start(AgentConfig config, DockerEngine engine, ContainerView view, Set<String> self, ForkRecords forks,
                              BiConsumer<Observation, String> seen, Consumer<SensorGap> gaps) {
        List<Sensor> sensors = new ArrayList<>();
        Sensor process = processSensor(config, self, forks);
        process.start(observation -> seen.accept(observation, process.name()), gaps);
        sensors.add(process);
        Supplier<Map<String, Long>> containers = () -> view.all().stream()
                .filter(info -> info.running() && !self.contains(info.id()) && info.pid() > 0)
                .collect(Collectors.toMap(ContainerInfo::id, ContainerInfo::pid, (a, b) -> a));
        Duration changesEvery = DockerChangesSensor.DEFAULT_INTERVAL;
        FanotifySensor files = new FanotifySensor(containers);
        try {
            files.start(observation -> {
                if (SensitiveFiles.worthJudging(observation)) {
                    seen.accept(observation, files.name());
                }
            }, gaps);
            sensors.add(files);
            changesEvery = DockerChangesSensor.BEHIND_FANOTIFY;
        } catch (FanotifyUnavailableException unavailable) {
            AgentLog.warn("fanotify is unavailable (" + unavailable.getMessage() + "): reads of sensitive files are not watched,"
                    + " and written files are seen every " + changesEvery.toSeconds() + " s through the engine");
        }
        for (Sensor sensor : List.<Sensor>of(new HostNetworkSensor(containers, AgentLog::warn),
                new DockerChangesSensor(engine.client(), containers, changesEvery), new CgroupStatsSensor(containers))) {
            sensor.start(observation -> seen.accept(observation, sensor.name()), gaps);
            sensors.add(sensor);
        }
        return sensors;
    }

    private static Sensor processSensor(AgentConfig config, Set<String> self, ForkRecords forks) {
        ProcReader proc = ProcReader.system();
        if (!config.processSensor().equals("poll")) {
            ProcConnectorSensor connector = new ProcConnectorSensor(proc, self, new ForkRecords());
            try {
                connector.start(observation -> { }, gap -> { });
                connector.close();
                return new ProcConnectorSensor(proc, self, forks);
            } catch (ProcConnectorUnavailableException unavailable) {
                if (config.processSensor().equals("connector")) {
                    throw unavailable;
                }
            }
        }
        return new ProcPollSensor(proc, self, config.pollInterval());
    }

}
