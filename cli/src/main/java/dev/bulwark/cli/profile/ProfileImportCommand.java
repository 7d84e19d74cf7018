package dev.bulwark.cli.profile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark profile import FILE}: pin a reviewed profile. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Pin a reviewed profile, so that it no longer learns.",
            "The file is one `bulwark profile export` wrote, perhaps edited; its signals take the file's modes, and a"
                + " running agent uses it within seconds.",
            "Exit code: 0, or 2 when the file is not a valid profile (the message gives line and column)."})
public final class ProfileImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileStoreOption store;

    @Parameters(index = "0", paramLabel = "FILE", description = "the profile (YAML)")
    private Path file;

    @Override
    public Integer call() {
        var profile = store.catalog().importFile(file, Instant.now());
        spec.commandLine().getOut().println("pinned the profile of " + profile.key());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
