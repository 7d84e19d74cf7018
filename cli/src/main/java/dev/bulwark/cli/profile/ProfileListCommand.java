package dev.bulwark.cli.profile;

import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.policy.profile.RuleConflicts;
import dev.bulwark.policy.runtime.RuntimeRules;
import dev.bulwark.policy.profile.Signal;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark profile list}: one line per profile. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the learned behaviour profiles.",
            "For each: image, repository, workload, status (learning, provisional, converged, pinned), live intervals,"
                + " and each signal's mode and confidence; then each behaviour it learned as normal that a runtime rule of"
                + " the configured policy would block (the rule, the behaviour, in how many intervals it was seen).",
            "Exit code: 0, or 2 for a configuration error."})
public final class ProfileListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileStoreOption store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var profiles = store.catalog().list();
        RuntimeRules rules = store.rules();
        if (profiles.isEmpty()) {
            out.println("no profiles yet: the agent learns one per image and workload once containers run");
        }
        for (Profile profile : profiles) {
            out.printf(Locale.ROOT, "%s  %s  %s  %s  %d live intervals%s%n", profile.key().shortImage(),
                    profile.key().repository().isEmpty() ? "-" : profile.key().repository(), profile.key().workload(),
                    ProfileDocuments.status(profile), profile.liveIntervals(),
                    profile.source().isEmpty() ? "" : "  from " + profile.source()
                            + profile.ciMode().map(mode -> " (learning on top, " + mode.word() + " meanwhile)").orElse(""));
            StringBuilder signals = new StringBuilder("    ");
            for (Signal signal : Signal.values()) {
                signals.append(String.format(Locale.ROOT, "%s %s %.2f  ", signal.word(), profile.mode(signal).word(),
                        1 - profile.missingMass(signal)));
            }
            out.println(signals.toString().stripTrailing());
            RuleConflicts.of(rules, profile).forEach(conflict -> out.println("    conflict: " + conflict.describe()));
        }
        out.flush();
        return 0;
    }
}
