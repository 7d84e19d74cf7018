package dev.bulwark.policy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bulwark.policy.document.InvalidFieldException;
import dev.bulwark.policy.runtime.RuntimeSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Bulwark policy ({@code apiVersion: bulwark.dev/v1}, {@code kind: Policy}): ordered stages with gate
 * rules, exceptions, VEX documents and the runtime section. Read one with
 * {@link dev.bulwark.policy.load.PolicyLoader}.
 *
 * @param apiVersion always {@value #API_VERSION}
 * @param kind       always {@value #KIND}
 * @param metadata   name and description
 * @param stages     the stages in promotion order
 * @param exceptions accepted risks, each with an expiry
 * @param vex        VEX documents (paths relative to the policy file) whose statements apply
 * @param runtime    the agent's section
 * @param database   what the gate demands of the vulnerability database (its age)
 * @param notifications where the gate's feedback goes (the {@code notify} key) (Jira, Slack); read by the notify module, which checks it
 */
public record Policy(String apiVersion, String kind, Metadata metadata, List<StageSpec> stages,
                     List<ExceptionRule> exceptions, List<String> vex, RuntimeSpec runtime, DatabaseRules database,
                     @JsonProperty("notify") JsonNode notifications) {

    public static final String API_VERSION = "bulwark.dev/v1";
    public static final String KIND = "Policy";

    public Policy {
        if (!API_VERSION.equals(apiVersion)) {
            throw new InvalidFieldException("apiVersion", "apiVersion is '" + apiVersion + "': write apiVersion: " + API_VERSION);
        }
        if (!KIND.equals(kind)) {
            throw new InvalidFieldException("kind", "kind is '" + kind + "': write kind: " + KIND);
        }
        if (metadata == null) {
            throw new InvalidFieldException("metadata", "metadata is missing: add metadata: {name: my-policy}");
        }
        stages = List.copyOf(Objects.requireNonNullElse(stages, List.of()));
        if (stages.isEmpty()) {
            throw new InvalidFieldException("stages", "the policy has no stages: add at least one, such as - name: dev");
        }
        exceptions = List.copyOf(Objects.requireNonNullElse(exceptions, List.of()));
        vex = List.copyOf(Objects.requireNonNullElse(vex, List.of()));
        runtime = Objects.requireNonNullElse(runtime, RuntimeSpec.defaults());
        database = Objects.requireNonNullElse(database, DatabaseRules.defaults());
        notifications = notifications == null ? MissingNode.getInstance() : notifications;
    }

    /** The stage names in promotion order. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public List<String> stageNames() {
        return stages.stream().map(StageSpec::name).toList();
    }

    /** The stage as written, if the policy has one of that name. */
    public Optional<StageSpec> stageSpec(String name) {
        return stages.stream().filter(stage -> stage.name().equals(name)).findFirst();
    }

    /**
     * The stage with its effective rules after inheritance.
     *
     * @throws UnknownStageException naming the stages that exist
     */
    public Stage stage(String name) {
        StageSpec spec = stageSpec(name).orElseThrow(() -> new UnknownStageException(name, stageNames()));
        List<StageSpec> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (StageSpec current = spec; current != null; current = current.extend() == null ? null : find(current)) {
            if (!seen.add(current.name())) {
                throw new IllegalStateException("stages " + String.join(" → ", seen) + " → " + current.name()
                        + " extend each other in a circle: remove one extends");
            }
            chain.add(current);
        }
        GateRules effective = GateRules.none();
        for (int i = chain.size() - 1; i >= 0; i--) {
            effective = effective.overriddenBy(chain.get(i).gate());
        }
        List<String> lineage = chain.stream().skip(1).map(StageSpec::name).toList();
        return new Stage(name, stageNames().indexOf(name), lineage, effective);
    }

    private StageSpec find(StageSpec child) {
        return stageSpec(child.extend()).orElseThrow(() -> new IllegalStateException("stage " + child.name()
                + " extends '" + child.extend() + "', which is not a stage: use one of " + stageNames()));
    }

    /** The stage after the given one in promotion order, if any. */
    public Optional<String> nextStage(String name) {
        int index = stageNames().indexOf(name);
        return index >= 0 && index + 1 < stages.size() ? Optional.of(stageNames().get(index + 1)) : Optional.empty();
    }

    /** Thrown when a stage name is not in the policy; lists the stages that are. */
    public static final class UnknownStageException extends IllegalArgumentException {
        public UnknownStageException(String name, List<String> known) {
            super("stage '" + name + "' is not in the policy: use one of " + known.stream().collect(Collectors.joining(", ")));
        }
    }
}
