package dev.bulwark.cli.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.policy.load.PolicyLoadException;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.load.PolicyProblem;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.model.Stage;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.RuleConflicts;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark policy explain FILE --stage S}: the effective rules of a stage, after inheritance. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Print the effective rules of a stage after inheritance, and the exceptions that apply in it, as YAML.",
            "With --profiles, then each behaviour an agent's learned profiles saw as normal that the policy's runtime rules"
                + " would block (as comments).",
            "Exit code: 0 on success, 2 when the policy is invalid or has no such stage."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the policy file")
    private Path file;

    @Option(names = {"-s", "--stage"}, required = true, paramLabel = "STAGE", description = "the stage to explain")
    private String stage;

    @Option(names = "--profiles", paramLabel = "AGENT_CONFIG",
            description = "an agent configuration (YAML) whose stateDir holds learned profiles to put to the runtime rules")
    private Path profiles;

    private final ObjectMapper yaml = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Policy policy = new PolicyLoader().load(file);
            Stage effective = policy.stage(stage);
            out.println("# effective rules of stage '" + effective.name() + "' in policy '" + policy.metadata().name() + "' (" + file + ")");
            out.println(effective.lineage().isEmpty() ? "# inherits from no other stage"
                    : "# inherits from " + String.join(" → ", effective.lineage()) + " (nearest first)");
            out.print(yaml.writeValueAsString(document(policy, effective)));
            if (profiles != null) {
                Path state = AgentConfig.load(profiles).stateDir();
                out.println("# runtime rules against the learned profiles in " + state + ":");
                List<String> conflicts = new ArrayList<>();
                for (Profile profile : ProfileStore.open(state).all()) {
                    RuleConflicts.lines(policy.runtime().rules(), profile).forEach(conflict -> conflicts.add("#   " + conflict));
                }
                out.println(conflicts.isEmpty() ? "#   they block nothing the profiles learned as normal" : String.join("\n", conflicts));
            }
            out.flush();
            return 0;
        } catch (PolicyLoadException e) {
            e.problems().stream().map(PolicyProblem::toString).forEach(err::println);
        } catch (Policy.UnknownStageException e) {
            err.println(file + ": " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing the effective rules", e);
        }
        return ValidateCommand.INVALID;
    }

    private static Map<String, Object> document(Policy policy, Stage effective) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("stage", effective.name());
        document.put("order", effective.order() + 1 + " of " + policy.stages().size());
        policy.nextStage(effective.name()).ifPresent(next -> document.put("promotesTo", next));
        document.put("gate", effective.gate());
        document.put("exceptions", policy.exceptions().stream().filter(e -> e.appliesIn(effective.name())).toList());
        return document;
    }
}
