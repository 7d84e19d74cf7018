package dev.bulwark.cli.profile;

import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.RuleConflicts;
import dev.bulwark.policy.runtime.RuntimeRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark profile try --policy FILE}: what a policy's rules would block of what this host's services do. */
@Command(name = "try", mixinStandardHelpOptions = true,
        description = {"Try a policy against this host's learned profiles, as in monitor mode: nothing is enforced.",
            "Puts every behaviour each profile learned as normal (programs, health checks, writes, peers, listening ports)"
                + " to the policy's runtime rules and prints each one a rule would block: the profile, the rule, the"
                + " behaviour and in how many intervals it was seen.",
            "Exit code: 0 when the policy would block none of it, 1 when it would block some, 2 for a configuration error."})
public final class ProfileTryCommand implements Callable<Integer> {

    static final int WOULD_BLOCK = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileStoreOption store;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "the policy to try (YAML)")
    private Path policy;

    @Override
    public Integer call() {
        RuntimeRules rules = new PolicyLoader().load(policy).runtime().rules();
        PrintWriter out = spec.commandLine().getOut();
        List<Profile> profiles = store.catalog().list();
        int blocked = 0;
        for (Profile profile : profiles) {
            for (String conflict : RuleConflicts.lines(rules, profile)) {
                out.println(conflict);
                blocked++;
            }
        }
        out.println(blocked == 0 ? policy + " would block nothing the " + profiles.size() + " profiles learned as normal"
                : policy + " would block " + blocked + " behaviours the " + profiles.size() + " profiles learned as normal");
        out.flush();
        return blocked == 0 ? 0 : WOULD_BLOCK;
    }
}
