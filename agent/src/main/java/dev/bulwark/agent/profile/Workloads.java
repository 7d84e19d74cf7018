package dev.bulwark.agent.profile;

import dev.bulwark.agent.docker.ContainerInfo;
import dev.bulwark.policy.profile.ProfileKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Which profile a container belongs to. The same image may serve different applications, so a profile is keyed by
 * the image and the workload: the {@value #LABEL} label, else the compose project and service, else the command and
 * published ports. The runtime parameters (command, mounts, networks, capabilities) are fingerprinted: when they
 * change, the profile relearns.
 */
public final class Workloads {

    public static final String LABEL = "bulwark.workload";
    static final String COMPOSE_PROJECT = "com.docker.compose.project";
    static final String COMPOSE_SERVICE = "com.docker.compose.service";
    private static final String DOCKER_VOLUMES = "/var/lib/docker/volumes/";

    private Workloads() {
    }

    public static ProfileKey keyOf(ContainerInfo info) {
        return new ProfileKey(repository(info.image()), info.imageId(), workload(info));
    }

    static String workload(ContainerInfo info) {
        String label = info.labels().getOrDefault(LABEL, "").strip();
        if (!label.isEmpty()) {
            return "label:" + label;
        }
        String project = info.labels().getOrDefault(COMPOSE_PROJECT, "");
        String service = info.labels().getOrDefault(COMPOSE_SERVICE, "");
        if (!project.isEmpty() && !service.isEmpty()) {
            return "compose:" + project + "/" + service;
        }
        String ports = info.spec().publishedPorts().isEmpty() ? "" : " ports " + String.join(",", info.spec().publishedPorts());
        return "run:" + String.join(" ", info.spec().command()) + ports;
    }

    /** The repository without tag or digest: {@code registry:5000/shop/web:1.2} is {@code registry:5000/shop/web}. */
    static String repository(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }

    /**
     * Where things are mounted, and from where for bind mounts. A volume's host path is the engine's own choice (a new
     * one for every replica's anonymous volume), so only its destination counts.
     */
    static List<String> mounts(ContainerInfo info) {
        return new TreeMap<>(info.mounts()).entrySet().stream()
                .map(mount -> mount.getKey().startsWith(DOCKER_VOLUMES) ? mount.getValue() : mount.getKey() + ":" + mount.getValue())
                .sorted().toList();
    }

    /** A hash of the runtime parameters a profile was learned under. */
    public static String fingerprint(ContainerInfo info) {
        String text = String.join("\u0000", info.spec().command()) + "\n" + mounts(info) + "\n"
                + List.copyOf(info.networks()) + "\n" + info.addedCapabilities().stream().sorted().toList() + "\n"
                + info.privileged();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
