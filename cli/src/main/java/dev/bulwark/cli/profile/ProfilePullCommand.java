package dev.bulwark.cli.profile;

import dev.bulwark.gate.AtomicFiles;
import dev.bulwark.policy.profile.ProfileDocuments;
import dev.bulwark.scanner.promote.ProfileAttachment;
import dev.bulwark.scanner.source.RegistryRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.bulwark.cli.image.RegistryImage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark profile pull IMAGE}: the profiles a promotion attached to an image in a registry. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Show the profiles learned in CI that bulwark promote --profile attached to an image in a registry.",
            "Exit code: 0 when profiles are attached, 1 when none are, 3 on a registry error."})
public final class ProfilePullCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryImage image;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write them to this file instead of standard output")
    private Path output;

    @Override
    public Integer call() {
        RegistryImage.Located located = image.locate();
        RegistryRepository repository = located.repository();
        String digest = located.digest();
        Optional<byte[]> yaml = ProfileAttachment.read(repository, digest);
        if (yaml.isEmpty()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": no profile is attached to " + image.name() + " (" + digest + ")");
            spec.commandLine().getErr().flush();
            return 1;
        }
        int count = ProfileDocuments.readAll(image.name(), yaml.get()).size();
        String text = new String(yaml.get(), StandardCharsets.UTF_8);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(output, text);
        }
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + count + " profile" + (count == 1 ? "" : "s")
                + " attached to " + image.name() + " (" + digest + ")" + (output == null ? "" : ", written to " + output));
        spec.commandLine().getErr().flush();
        return 0;
    }
}
