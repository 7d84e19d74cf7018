package dev.bulwark.scanner.analyzer.npm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The yarn.lock of Yarn 2 and later, which is YAML: each entry has a {@code resolution} naming the package it
 * resolved to and how ({@code "lodash@npm:4.17.21"}, {@code "app@workspace:."},
 * {@code "resolve@patch:resolve@npm%3A1.22.8#…"}). The resolution, not the entry's key, gives the real name
 * of an alias ({@code "lodash4@npm:lodash@4.17.21"} resolves to {@code "lodash@npm:4.17.21"}).
 */
final class YarnBerryLock {

    private static final String METADATA = "__metadata";
    private static final String NPM_PROTOCOL = "npm:";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(loaderOptions()).build());

    private YarnBerryLock() {
    }

    /** The name and version of each entry resolved from an npm registry. */
    static List<NpmCoordinates> read(byte[] content) {
        List<NpmCoordinates> locked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : parse(content).properties()) {
            if (entry.getKey().equals(METADATA)) {
                continue;
            }
            String where = "yarn.lock entry \"" + entry.getKey() + "\"";
            JsonNode resolution = entry.getValue().get("resolution");
            if (!entry.getValue().isObject() || resolution == null || !resolution.isTextual()) {
                throw new MalformedNpmFileException(where + " has no resolution");
            }
            fromRegistry(resolution.asText(), where).ifPresent(locked::add);
        }
        return locked;
    }

    private static Optional<NpmCoordinates> fromRegistry(String resolution, String where) {
        NpmCoordinates resolved = NpmCoordinates.parse(resolution).orElseThrow(() -> new MalformedNpmFileException(where
                + " has resolution \"" + resolution + "\", which is not name@protocol:reference"));
        if (!resolved.version().startsWith(NPM_PROTOCOL)) {
            return Optional.empty();
        }
        String version = resolved.version().substring(NPM_PROTOCOL.length());
        // Packages from other registries carry their tarball URL after "::" ("1.0.0::__archiveUrl=…").
        int parameters = version.indexOf("::");
        return Optional.of(new NpmCoordinates(resolved.name(), parameters < 0 ? version : version.substring(0, parameters)));
    }

    private static JsonNode parse(byte[] content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            throw new MalformedNpmFileException("yarn.lock is not valid YAML" + at(e.getLocation()) + ": " + problem(e));
        } catch (IOException e) {
            throw new MalformedNpmFileException("yarn.lock could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedNpmFileException("yarn.lock has __metadata but is not a YAML mapping of entries");
        }
        return root;
    }

    /** SnakeYAML stops at 3 MB by default; lockfiles of large monorepos are bigger, and the scan already caps file size. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    /** SnakeYAML's own message quotes the offending lines over several lines; its context and problem read as one. */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
        }
        return e.getOriginalMessage();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr();
    }
}
