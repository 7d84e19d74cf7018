package dev.bulwark.cli.profile;

import dev.bulwark.policy.profile.Signal;
import dev.bulwark.policy.runtime.RuntimeMode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark profile mode IMAGE MODE}: an operator's override. */
@Command(name = "mode", mixinStandardHelpOptions = true,
        description = {"Set the mode of an image's profile, or of one signal.",
            "learn keeps learning; monitor or protect ends learning for it (you vouch for what it learned)."
                + " Automatic promotion leaves a chosen mode alone.",
            "Exit code: 0, or 2 when there is no such profile or mode."})
public final class ProfileModeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileStoreOption store;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "repository, repository:tag, image ID or ID prefix")
    private String image;

    @Parameters(index = "1", paramLabel = "MODE", description = "learn, monitor or protect")
    private String mode;

    @Option(names = "--signal", paramLabel = "SIGNAL", description = "only this signal (executables, execEdges, execUsers,"
            + " healthchecks, listening, outbound, writes, sensitiveReads, resources)")
    private String signal;

    @Option(names = "--workload", paramLabel = "WORKLOAD", description = "which workload, when the image runs as several")
    private String workload;

    @Override
    public Integer call() {
        var catalog = store.catalog();
        var profile = catalog.find(image, Optional.ofNullable(workload));
        Optional<Signal> chosen = Optional.ofNullable(signal).map(Signal::parse);
        catalog.mode(profile, chosen, RuntimeMode.parse(mode), Instant.now());
        spec.commandLine().getOut().println("profile of " + profile.key() + ": " + chosen.map(Signal::word).orElse("every signal")
                + " now " + RuntimeMode.parse(mode).word());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
