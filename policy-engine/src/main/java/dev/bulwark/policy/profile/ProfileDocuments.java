package dev.bulwark.policy.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.bulwark.policy.load.YamlProblems;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.runtime.Outbound;
import dev.bulwark.policy.runtime.RuntimeMode;
import dev.bulwark.policy.text.Numbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a profile as a reviewable YAML document ({@link ProfileDocument}) and reads one back as a pinned profile.
 */
public final class ProfileDocuments {

    /** The {@code metadata.source} of a profile learned in CI. */
    public static final String CI = "ci";

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final ObjectMapper YAML = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProfileDocuments() {
    }

    /** The profile as YAML, with a header that says what it is. */
    public static String write(Profile profile) {
        return "# Behaviour profile learned by Bulwark for " + profile.key() + ".\n"
                + "# Review it like code; `bulwark profile import FILE` pins it. The runtime section is a policy's.\n"
                + yaml(document(profile, profile.source()));
    }

    /**
     * Profiles learned in CI ({@code bulwark profile learn}) as one YAML stream, a document per image and workload,
     * each marked {@code source: ci}: what {@code bulwark promote --profile} attaches to the image.
     */
    public static String writeFromCi(List<Profile> profiles) {
        StringBuilder text = new StringBuilder("# Behaviour profiles learned by Bulwark in CI (bulwark profile learn).\n"
                + "# Review them like code; promoting the image with them attaches them to it, and agents start from them.\n");
        for (Profile profile : profiles) {
            text.append("---\n").append(yaml(document(profile, CI)));
        }
        return text.toString();
    }

    private static String yaml(ProfileDocument document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the profile of " + document.metadata().image() + " as YAML: "
                    + e.getMessage(), e);
        }
    }

    /** The profile as a document, saying where it was learned ({@code source}: empty for this host). */
    public static ProfileDocument document(Profile profile, String source) {
        Map<String, ProfileDocument.SignalSummary> signals = new LinkedHashMap<>();
        for (Signal signal : Signal.values()) {
            signals.put(signal.word(), new ProfileDocument.SignalSummary(profile.mode(signal),
                    Math.round((1 - profile.missingMass(signal)) * 1000) / 1000.0));
        }
        List<String> peers = items(profile, Signal.OUTBOUND);
        var rules = new ProfileDocument.Rules(items(profile, Signal.EXECUTABLES), ports(profile),
                items(profile, Signal.WRITES), peers.isEmpty() ? null : new Outbound(peers, null),
                profile.envelope().cpuCores() == null ? null : profile.envelope());
        var learned = new ProfileDocument.Learned(items(profile, Signal.EXEC_EDGES), items(profile, Signal.EXEC_USERS),
                items(profile, Signal.EXEC_MODES), items(profile, Signal.HEALTHCHECKS), items(profile, Signal.SENSITIVE_READS), items(profile, Signal.LISTENING));
        var metadata = new ProfileDocument.Metadata(profile.key().image(), profile.key().repository(),
                profile.key().workload(), status(profile), source, profile.created().toString(), profile.updated().toString(),
                profile.liveIntervals(), signals);
        Map<String, Map<String, Long>> exercised = new LinkedHashMap<>();
        for (Signal signal : Signal.values()) {
            Map<String, Long> seen = new TreeMap<>();
            profile.items(signal).forEach((item, stats) -> {
                if (stats.intervals() > 0) {
                    seen.put(item, stats.intervals());
                }
            });
            if (!seen.isEmpty()) {
                exercised.put(signal.word(), seen);
            }
        }
        return new ProfileDocument(Policy.API_VERSION, ProfileDocument.KIND, metadata,
                new ProfileDocument.Runtime(overallMode(profile), rules), learned, exercised);
    }

    /** {@code pinned}, {@code converged}, {@code provisional} or {@code learning}. */
    public static String status(Profile profile) {
        if (profile.pinned()) {
            return "pinned";
        }
        return profile.converged() ? "converged" : profile.provisional() ? "provisional" : "learning";
    }

    /** The least strict mode among the signals: what the profile as a whole can be trusted with. */
    static RuntimeMode overallMode(Profile profile) {
        RuntimeMode lowest = RuntimeMode.PROTECT;
        for (Signal signal : Signal.values()) {
            RuntimeMode mode = profile.mode(signal);
            lowest = mode.compareTo(lowest) < 0 ? mode : lowest;
        }
        return lowest;
    }

    private static List<String> items(Profile profile, Signal signal) {
        return List.copyOf(new TreeSet<>(profile.items(signal).keySet()));
    }

    private static List<Integer> ports(Profile profile) {
        return profile.items(Signal.LISTENING).keySet().stream().map(item -> Numbers.parseInt(item.substring(item.indexOf(':') + 1), "the port in '" + item + "'"))
                .distinct().sorted().toList();
    }

    /**
     * Reads a profile document as a pinned profile: it never learns, and each signal takes the document's mode.
     *
     * @param name the file name problems are reported under
     * @throws IllegalArgumentException saying where (line and column) and what is wrong
     */
    public static Profile read(String name, byte[] yaml, Instant at) {
        ProfileDocument document;
        try {
            document = YAML.readValue(yaml, ProfileDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlProblems.of(name, FACTORY, yaml, e)
                    + " (write the file with `bulwark profile export`, then edit it)", e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(name + ": cannot read the profile: " + e.getMessage(), e);
        }
        return pinned(name, document, at);
    }

    /**
     * Reads a stream of profile documents ({@link #writeFromCi}, or one exported profile) without pinning them.
     *
     * @throws IllegalArgumentException saying where (line and column) and what is wrong
     */
    public static List<ProfileDocument> readAll(String name, byte[] yaml) {
        List<ProfileDocument> documents = new ArrayList<>();
        try (MappingIterator<ProfileDocument> values = YAML.readerFor(ProfileDocument.class).readValues(yaml)) {
            while (values.hasNextValue()) {
                ProfileDocument document = values.nextValue();
                if (document != null) {
                    documents.add(checked(name, document));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(YamlProblems.of(name, FACTORY, yaml, e)
                    + " (write the file with `bulwark profile learn` or `bulwark profile export`, then edit it)", e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(name + ": cannot read the profiles: " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException(name + ": holds no profile: write it with `bulwark profile learn`");
        }
        return documents;
    }

    private static ProfileDocument checked(String name, ProfileDocument document) {
        if (document == null || !Policy.API_VERSION.equals(document.apiVersion()) || !ProfileDocument.KIND.equals(document.kind())) {
            throw new IllegalArgumentException(name + ": not a profile: it must start with apiVersion: " + Policy.API_VERSION
                    + " and kind: " + ProfileDocument.KIND);
        }
        var metadata = document.metadata();
        if (metadata == null || metadata.image() == null || metadata.workload() == null) {
            throw new IllegalArgumentException(name + ": metadata.image and metadata.workload are required: they say which"
                    + " image and workload the profile is for");
        }
        return document;
    }

    /** What a document says was seen (or is allowed), per signal; resource use is not a list and is left out. */
    public static Map<Signal, List<String>> seen(ProfileDocument document) {
        var runtime = Optional.ofNullable(document.runtime()).orElse(new ProfileDocument.Runtime(null, null));
        var rules = Optional.ofNullable(runtime.rules()).orElse(new ProfileDocument.Rules(null, null, null, null, null));
        var learned = Optional.ofNullable(document.learned()).orElse(new ProfileDocument.Learned(null, null, null, null, null, null));
        Map<Signal, List<String>> items = new EnumMap<>(Signal.class);
        items.put(Signal.EXECUTABLES, orEmpty(rules.allowedExecutables()));
        List<String> listening = new ArrayList<>(orEmpty(learned.listening()));
        orEmpty(rules.listeningPorts()).forEach(port -> {
            if (listening.stream().noneMatch(item -> item.endsWith(":" + port))) {
                listening.add("tcp:" + port);
            }
        });
        items.put(Signal.LISTENING, listening);
        items.put(Signal.WRITES, orEmpty(rules.writablePaths()));
        items.put(Signal.OUTBOUND, rules.outbound() == null ? List.of() : rules.outbound().allow());
        items.put(Signal.EXEC_EDGES, orEmpty(learned.execEdges()));
        items.put(Signal.EXEC_USERS, orEmpty(learned.execUsers()));
        items.put(Signal.EXEC_MODES, orEmpty(learned.execModes()));
        items.put(Signal.HEALTHCHECKS, orEmpty(learned.healthchecks()));
        items.put(Signal.SENSITIVE_READS, orEmpty(learned.sensitiveReads()));
        return items;
    }

    private static Profile pinned(String name, ProfileDocument document, Instant at) {
        var metadata = checked(name, document).metadata();
        var runtime = Optional.ofNullable(document.runtime()).orElse(new ProfileDocument.Runtime(null, null));
        var rules = Optional.ofNullable(runtime.rules()).orElse(new ProfileDocument.Rules(null, null, null, null, null));
        RuntimeMode mode = Optional.ofNullable(runtime.defaultMode()).orElse(RuntimeMode.MONITOR);
        Map<Signal, List<String>> items = seen(document);
        Map<Signal, SignalState> signals = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            Map<String, ItemStats> declared = new LinkedHashMap<>();
            items.getOrDefault(signal, List.of()).forEach(item -> declared.put(item, ItemStats.declared(at)));
            signals.put(signal, new SignalState(declared, null, null, at, modeOf(metadata, signal, mode), true));
        }
        ProfileKey key = new ProfileKey(metadata.repository(), metadata.image(), metadata.workload());
        return Profile.of(new ProfileState(key, Prior.none(), "", false, "", true, at, at, 0, -1, false, signals,
                new ResourceState(null, null, null, rules.resources()), "import", null));
    }

    private static RuntimeMode modeOf(ProfileDocument.Metadata metadata, Signal signal, RuntimeMode fallback) {
        if (metadata.signals() == null) {
            return fallback;
        }
        if (!metadata.signals().containsKey(signal.word())) {
            // written before this signal existed: nobody reviewed it, so it alerts rather than blocks
            return fallback == RuntimeMode.PROTECT ? RuntimeMode.MONITOR : fallback;
        }
        RuntimeMode mode = metadata.signals().get(signal.word()).mode();
        return mode == null || mode == RuntimeMode.LEARN ? fallback : mode;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
