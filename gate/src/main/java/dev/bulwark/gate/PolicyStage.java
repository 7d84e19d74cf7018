package dev.bulwark.gate;

import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.model.Policy;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A policy, the file it came from (VEX documents it names are relative to it) and the stage to judge at.
 *
 * @param policy the policy
 * @param file   its file
 * @param stage  one of its stages
 */
public record PolicyStage(Policy policy, Path file, String stage) {

    public PolicyStage {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stage, "stage");
        policy.stage(stage);
    }

    /**
     * Loads the policy and checks that it has the stage.
     *
     * @throws dev.bulwark.policy.load.PolicyLoadException when the file is not a valid policy
     * @throws dev.bulwark.policy.model.UnknownStageException when the policy has no such stage (it names those it has)
     */
    public static PolicyStage load(Path file, String stage) {
        return new PolicyStage(new PolicyLoader().load(file), file, stage);
    }
}
