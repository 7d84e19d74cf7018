package dev.bulwark.cli.profile;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.profile.ProfileCatalog;
import dev.bulwark.agent.profile.ProfileStore;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.runtime.RuntimeRules;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the profiles are: the agent configuration's state directory. */
final class ProfileStoreOption {

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "the agent configuration (YAML); its stateDir holds the profiles")
    private Path config;

    ProfileCatalog catalog() {
        return new ProfileCatalog(ProfileStore.open(AgentConfig.load(config).stateDir()));
    }

    /** The runtime rules of the policy the agent configuration names. */
    RuntimeRules rules() {
        return new PolicyLoader().load(AgentConfig.load(config).policy()).runtime().rules();
    }
}
