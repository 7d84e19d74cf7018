package dev.bulwark.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.policy.text.Numbers;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.bulwark.agent.admission.AdmissionSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

/**
 * The agent's own settings (the rules themselves come from the policy's runtime section):
 *
 * <pre>
 * policy: /etc/bulwark/policy.yaml   # required; relative paths are relative to this file
 * stateDir: /var/lib/bulwark          # audit log, quarantine ledger, responses under way, notification outbox
 * metricsPort: 9464                   # Prometheus metrics and /health; 0 turns them off
 * metricsAddress: 127.0.0.1           # the address they listen on: loopback unless Prometheus scrapes from elsewhere
 * processSensor: auto                 # auto (connector, else polling), connector, or poll
 * pollInterval: 100ms                 # how often /proc is polled when polling
 * prevention: true                    # refuse execs (and credential reads) in protect mode before they happen
 * dockerHost: unix:///var/run/docker.sock   # the engine to watch; default DOCKER_HOST, else the local socket
 * ciProfiles: true                    # start an image's profile from the one CI attached to it in its registry
 * insecureRegistries: [registry.internal:5000]   # registries reached over plain HTTP for that
 * admission:                          # serve Docker's authorization plugin protocol (see the README)
 *   plugin: bulwark                   # dockerd --authorization-plugin=bulwark
 *   failure: closed                   # closed | open: what a request that cannot be judged gets
 *   stage: production                 # the stage whose verdict an image must carry here
 * posture: /var/lib/bulwark/posture.db   # where to report what runs here, for bulwark posture: an SQLite file (default:
 *                                     # posture.db in stateDir), a jdbc:postgresql:// URL shared by a fleet, or none
 * hostName: web-01                    # how this host is named there (default: the kernel's host name)
 * </pre>
 *
 * @param policy        the policy file
 * @param stateDir      where the agent keeps what must survive restarts
 * @param metricsPort   the port of the metrics and health endpoint, 0 for none
 * @param metricsAddress the IP address it listens on (loopback by default)
 * @param processSensor {@code auto}, {@code connector} or {@code poll}
 * @param pollInterval  the /proc polling interval
 * @param prevention    whether the exec guard refuses, through fanotify permission events, what protect mode forbids
 *                      before it runs; without it, protect mode responds after the fact with the response ladder
 * @param dockerHost    the engine to watch ({@code unix:///…} or {@code tcp://…}), empty for the environment's
 * @param admission     how Docker's authorization plugin protocol is served, empty when it is not
 * @param ciProfiles    whether a container of an image the agent has no profile for starts from the profile CI attached
 *                      to the image in its registry ({@code bulwark promote --profile})
 * @param insecureRegistries registries reached over plain HTTP when looking for those (loopback always is)
 * @param posture       the posture store the agent reports the images running here to, empty for none
 * @param hostName      this host's name in that report
 */
public record AgentConfig(Path policy, Path stateDir, int metricsPort, InetAddress metricsAddress, String processSensor, Duration pollInterval,
                          boolean prevention, Optional<String> dockerHost, Optional<AdmissionSettings> admission,
                          boolean ciProfiles, List<String> insecureRegistries, Optional<String> posture, String hostName) {

    private static final Set<String> KEYS = Set.of("policy", "stateDir", "metricsPort", "metricsAddress", "processSensor", "pollInterval",
            "prevention", "dockerHost", "admission", "ciProfiles", "insecureRegistries", "posture", "hostName");

    public AgentConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(metricsAddress, "metricsAddress");
        if (!Set.of("auto", "connector", "poll").contains(processSensor)) {
            throw new IllegalArgumentException("processSensor is '" + processSensor + "': use auto, connector or poll");
        }
        insecureRegistries = List.copyOf(insecureRegistries);
        Objects.requireNonNull(posture, "posture");
        Objects.requireNonNull(hostName, "hostName");
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new IllegalArgumentException("metricsPort " + metricsPort + " is not a port: use 1 to 65535, or 0 for none");
        }
    }

    /** Reads the agent's configuration file. */
    public static AgentConfig load(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the agent configuration " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not an agent configuration: write policy: /path/to/policy.yaml");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException(file + ": unknown key '" + name + "': valid keys are " + KEYS);
            }
        }
        if (!root.hasNonNull("policy")) {
            throw new IllegalArgumentException(file + " names no policy: add policy: /path/to/policy.yaml");
        }
        Path base = file.toAbsolutePath().getParent();
        Path stateDir = base.resolve(root.path("stateDir").asText("/var/lib/bulwark"));
        String posture = root.path("posture").asText(stateDir.resolve("posture.db").toString()).strip();
        return new AgentConfig(base.resolve(root.get("policy").asText()),
                stateDir, root.path("metricsPort").asInt(9464),
                address(file, root.path("metricsAddress").asText("127.0.0.1")),
                root.path("processSensor").asText("auto"), interval(root.path("pollInterval").asText("100ms")),
                flag(file, "prevention", root.path("prevention"), true),
                root.hasNonNull("dockerHost") ? Optional.of(root.get("dockerHost").asText()) : Optional.empty(),
                admission(file, root.path("admission")), flag(file, "ciProfiles", root.path("ciProfiles"), true),
                registries(file, root.path("insecureRegistries")),
                posture.equals("none") ? Optional.empty() : Optional.of(posture.startsWith("jdbc:") ? posture : base.resolve(posture).toString()),
                root.hasNonNull("hostName") ? root.get("hostName").asText().strip() : kernelHostName());
    }

    /** The host's name as the kernel knows it (no lookup), else {@code localhost}. */
    private static String kernelHostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * The settings for learning in CI ({@code bulwark profile learn}): state in the given directory, no metrics, no exec
     * guard, no admission control and no profiles from registries: the run learns from scratch what it sees.
     */
    public AgentConfig forLearning(Path learningState) {
        return new AgentConfig(policy, learningState, 0, metricsAddress, processSensor, pollInterval, false, dockerHost,
                Optional.empty(), false, insecureRegistries, Optional.empty(), hostName);
    }

    private static List<String> registries(Path file, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(file + ": insecureRegistries must be a list, such as [registry.internal:5000]");
        }
        List<String> registries = new ArrayList<>();
        node.forEach(registry -> registries.add(registry.asText().strip()));
        return registries;
    }

    private static Optional<AdmissionSettings> admission(Path file, JsonNode node) {
        if (node.isMissingNode() || node.isNull() || node.isBoolean() && !node.booleanValue()) {
            return Optional.empty();
        }
        AdmissionSettings settings = AdmissionSettings.defaults();
        if (node.isBoolean()) {
            return Optional.of(settings);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": admission must be true, false or a block of keys "
                    + AdmissionSettings.KEYS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> values = new ArrayList<>();
            field.getValue().forEach(value -> values.add(value.asText()));
            try {
                settings = settings.with(field.getKey(), field.getValue().asText(), values);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return Optional.of(settings);
    }

    /** An IP address written out (a host name would need a lookup the agent does not make at start). */
    private static InetAddress address(Path file, String text) {
        String value = text.strip();
        boolean literal = value.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        try {
            if (literal) {
                return InetAddress.getByName(value);
            }
        } catch (java.net.UnknownHostException e) {
            literal = false;
        }
        throw new IllegalArgumentException(file + ": metricsAddress '" + text + "' is not an IP address: write 127.0.0.1 (the"
                + " default, this host only), ::1, or 0.0.0.0 to let Prometheus scrape from other hosts");
    }

    private static boolean flag(Path file, String key, JsonNode node, boolean absent) {
        if (node.isMissingNode() || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(file + ": " + key + " is '" + node.asText() + "': write true or false");
        }
        return node.booleanValue();
    }

    private static Duration interval(String text) {
        String value = text.strip();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Numbers.parseLong(value.substring(0, value.length() - 2), "the milliseconds in '" + value + "'"));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Numbers.parseLong(value.substring(0, value.length() - 1), "the seconds in '" + value + "'"));
        }
        throw new IllegalArgumentException("pollInterval '" + text + "' is not a duration: write 100ms or 1s");
    }
}
