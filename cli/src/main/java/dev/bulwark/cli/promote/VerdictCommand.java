package dev.bulwark.cli.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bulwark.scanner.promote.AttachedVerdict;
import dev.bulwark.scanner.promote.VerdictAttachment;
import dev.bulwark.scanner.source.RegistryRepository;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.bulwark.cli.image.RegistryImage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark verdict IMAGE}: the verdict a promotion attached to an image in a registry. */
@Command(name = "verdict", mixinStandardHelpOptions = true,
        description = {"Show the verdict attached to an image in a registry by bulwark promote, as JSON.",
            "Exit code: 0 when a verdict is attached, 1 when none is, 3 on a registry error."})
public final class VerdictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryImage image;

    @Override
    public Integer call() throws Exception {
        RegistryImage.Located located = image.locate();
        RegistryRepository repository = located.repository();
        String digest = located.digest();
        Optional<AttachedVerdict> verdict = VerdictAttachment.read(repository, digest);
        if (verdict.isEmpty()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": no verdict is attached to " + image.name() + " (" + digest + ")");
            spec.commandLine().getErr().flush();
            return 1;
        }
        ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        spec.commandLine().getOut().println(json.writeValueAsString(verdict.get()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
