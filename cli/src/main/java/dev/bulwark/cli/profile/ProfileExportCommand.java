package dev.bulwark.cli.profile;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark profile export IMAGE}: the profile as the policy's runtime section, for review. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write an image's learned profile as YAML, for review.",
            "Its runtime section is a policy's, short enough to review in a pull request; `bulwark profile import` pins it.",
            "Exit code: 0, or 2 when there is no such profile."})
public final class ProfileExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileStoreOption store;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "repository, repository:tag, image ID or ID prefix")
    private String image;

    @Option(names = "--workload", paramLabel = "WORKLOAD",
            description = "which workload, when the image runs as several (see `bulwark profile list`)")
    private String workload;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to this file instead of standard output")
    private Path output;

    @Override
    public Integer call() {
        var catalog = store.catalog();
        String yaml = catalog.export(catalog.find(image, Optional.ofNullable(workload)), Optional.ofNullable(output));
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
        } else {
            spec.commandLine().getOut().println("wrote " + output);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
