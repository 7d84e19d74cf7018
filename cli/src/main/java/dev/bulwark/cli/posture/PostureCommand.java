package dev.bulwark.cli.posture;

import dev.bulwark.cli.image.Output;
import dev.bulwark.cli.scan.PostureLocation;
import dev.bulwark.gate.posture.PostureReport;
import dev.bulwark.gate.posture.PostureState;
import dev.bulwark.store.posture.PostureDatabase;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark posture}: every stored image by stage and verdict, running-and-failing first. */
@Command(name = "posture", mixinStandardHelpOptions = true,
        description = {"Show every image the gate has seen by stage and verdict, running and failing ones first, with what to upgrade.",
            "bulwark posture refresh judges them all again against a new database; watch does so on a schedule.",
            "Exit code: 0 shown, 2 usage error, 3 when the store cannot be read."},
        subcommands = {PostureRefreshCommand.class, PostureWatchCommand.class, HelpCommand.class})
public final class PostureCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private PostureLocation posture;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or html (a page with a trend chart per repository) (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write it there, whole or not at all, instead of standard output")
    private Path output;

    @Override
    public Integer call() {
        String location = posture.location().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--posture none keeps no store to show: name the store"));
        PostureState state;
        try (PostureDatabase store = PostureDatabase.open(location)) {
            state = PostureState.read(store);
        }
        String document = switch (format) {
            case "table" -> PostureReport.table(state);
            case "json" -> PostureReport.json(state);
            case "html" -> PostureReport.html(state);
            default -> throw new ParameterException(spec.commandLine(), "--format " + format + " is not known: use table, json or html");
        };
        Output.write(document, output, spec.commandLine().getOut());
        return 0;
    }
}
