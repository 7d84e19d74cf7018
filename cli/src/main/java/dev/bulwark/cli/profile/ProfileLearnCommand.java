package dev.bulwark.cli.profile;

import dev.bulwark.agent.daemon.AgentConfig;
import dev.bulwark.agent.daemon.CiLearning;
import dev.bulwark.gate.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark profile learn --config FILE -- COMMAND…}: learn profiles in CI, around the integration tests. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Run a command (integration tests, a compose file, a script) and learn the profiles of the containers it starts.",
            "The agent's sensors watch in learn mode from scratch, nothing is blocked; the profiles are written as YAML"
                + " for review, and `bulwark promote --profile` attaches them to the image. Needs what the agent needs (root).",
            "Exit code: the command's; 2 for a configuration error, 3 when Docker cannot be reached."})
public final class ProfileLearnCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "the agent configuration (YAML): its policy and sensor settings are used, its state is not touched")
    private Path config;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "learn this image (repository:tag or ID); repeatable; default: every image the command starts containers of")
    private List<String> images = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the profiles to this file instead of standard output")
    private Path output;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the command to run and its arguments, after --")
    private List<String> command;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        CiLearning.Result result = CiLearning.run(AgentConfig.load(config), images, command,
                line -> say(err, line));
        if (result.profiles().isEmpty()) {
            say(err, "no profile learned: " + (images.isEmpty() ? "the command started no container"
                    : "no container of " + String.join(", ", images) + " ran") + " while it ran; nothing written");
        } else if (output == null) {
            spec.commandLine().getOut().print(result.yaml());
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(output, result.yaml());
        }
        result.profiles().forEach(profile -> say(err, "learned " + profile.key() + ": " + profile.liveIntervals()
                + " live intervals" + (output == null ? "" : ", written to " + output)));
        say(err, "the command exited with " + result.exitCode());
        return result.exitCode();
    }

    private void say(PrintWriter err, String line) {
        err.println(spec.qualifiedName() + ": " + line);
        err.flush();
    }
}
