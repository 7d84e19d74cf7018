package dev.bulwark.scanner.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parts of an image's configuration (the OCI image config, or Docker's) that Bulwark judges and learns from.
 *
 * @param os           {@code linux}, …
 * @param architecture {@code amd64}, {@code arm64}, …
 * @param user         USER, empty for root
 * @param labels       LABELs
 * @param exposedPorts EXPOSEd ports ({@code 8080/tcp})
 * @param env          ENV, as {@code KEY=value}
 * @param entrypoint   ENTRYPOINT
 * @param cmd          CMD
 * @param volumes      VOLUMEs
 * @param healthcheck  the HEALTHCHECK test command, empty when none
 * @param diffIds      the uncompressed digests of the layers, lowest first
 */
public record ImageConfig(String os, String architecture, String user, Map<String, String> labels, List<String> exposedPorts,
                          List<String> env, List<String> entrypoint, List<String> cmd, List<String> volumes,
                          List<String> healthcheck, List<String> diffIds) {

    public ImageConfig {
        os = Objects.requireNonNullElse(os, "");
        architecture = Objects.requireNonNullElse(architecture, "");
        user = Objects.requireNonNullElse(user, "");
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        volumes = List.copyOf(volumes);
        healthcheck = List.copyOf(healthcheck);
        diffIds = List.copyOf(diffIds);
    }

    /** Reads an image config document. */
    public static ImageConfig of(JsonNode document) {
        JsonNode config = document.path("config");
        if (config.isMissingNode() || config.isNull()) {
            config = document.path("container_config");
        }
        Map<String, String> labels = new TreeMap<>();
        config.path("Labels").fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return new ImageConfig(document.path("os").asText(""), document.path("architecture").asText(""),
                config.path("User").asText(""), labels, keys(config.path("ExposedPorts")), strings(config.path("Env")),
                strings(config.path("Entrypoint")), strings(config.path("Cmd")), keys(config.path("Volumes")),
                strings(config.path("Healthcheck").path("Test")), strings(document.path("rootfs").path("diff_ids")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> keys(JsonNode object) {
        TreeSet<String> keys = new TreeSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return List.copyOf(keys);
    }
}
