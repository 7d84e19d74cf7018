package dev.bulwark.policy.load;

import com.fasterxml.jackson.core.JsonLocation;
import dev.bulwark.policy.model.ExceptionRule;
import dev.bulwark.policy.model.Policy;
import dev.bulwark.policy.model.StageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that span the whole policy, once it is read: stage names, inheritance, references, files. */
final class PolicyChecks {

    private final String file;
    private final LocationIndex index;
    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicyChecks(String file, LocationIndex index) {
        this.file = file;
        this.index = index;
    }

    static List<PolicyProblem> check(Policy policy, String file, LocationIndex index, Path baseDirectory) {
        PolicyChecks checks = new PolicyChecks(file, index);
        checks.stages(policy);
        checks.exceptions(policy);
        checks.vexFiles(policy, baseDirectory);
        return List.copyOf(checks.problems);
    }

    private void stages(Policy policy) {
        Set<String> seen = new HashSet<>();
        List<StageSpec> stages = policy.stages();
        for (int i = 0; i < stages.size(); i++) {
            StageSpec stage = stages.get(i);
            if (!seen.add(stage.name())) {
                report("/stages/" + i + "/name", "stage '" + stage.name() + "' is defined twice: give each stage its own name");
            }
            if (stage.extend() != null && policy.stageSpec(stage.extend()).isEmpty()) {
                report("/stages/" + i + "/extends", "stage '" + stage.name() + "' extends '" + stage.extend()
                        + "', which is not a stage: use one of " + policy.stageNames());
            } else if (stage.extend() != null && extendsInACircle(policy, stage)) {
                report("/stages/" + i + "/extends", "stage '" + stage.name()
                        + "' inherits from itself through 'extends': remove one extends from the circle");
            }
        }
    }

    private static boolean extendsInACircle(Policy policy, StageSpec start) {
        Set<String> visited = new HashSet<>();
        StageSpec current = start;
        while (current != null && current.extend() != null) {
            if (!visited.add(current.name())) {
                return true;
            }
            current = policy.stageSpec(current.extend()).orElse(null);
        }
        return false;
    }

    private void exceptions(Policy policy) {
        List<ExceptionRule> exceptions = policy.exceptions();
        for (int i = 0; i < exceptions.size(); i++) {
            List<String> stages = exceptions.get(i).stages();
            for (int j = 0; j < stages.size(); j++) {
                if (policy.stageSpec(stages.get(j)).isEmpty()) {
                    report("/exceptions/" + i + "/stages/" + j, "exception names stage '" + stages.get(j)
                            + "', which is not a stage: use one of " + policy.stageNames());
                }
            }
        }
    }

    private void vexFiles(Policy policy, Path baseDirectory) {
        for (int i = 0; i < policy.vex().size(); i++) {
            Path vex = baseDirectory.resolve(policy.vex().get(i));
            if (!Files.isRegularFile(vex)) {
                report("/vex/" + i, "VEX document " + vex + " does not exist: fix the path (it is relative to the policy file)");
            }
        }
    }

    private void report(String pointer, String message) {
        JsonLocation location = index.find(pointer);
        problems.add(new PolicyProblem(file, location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), message));
    }
}
