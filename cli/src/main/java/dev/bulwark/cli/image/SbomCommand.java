package dev.bulwark.cli.image;

import dev.bulwark.cli.support.BulwarkVersion;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.sbom.SbomFormat;
import dev.bulwark.scanner.sbom.SbomWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark sbom IMAGE}: the image's packages as a table, CycloneDX 1.6 or SPDX 2.3 JSON. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = {"List every package in an image (OS and language packages) as an SBOM.",
            "Exit code: 0 on success, 2 for a usage error, 3 when the image cannot be read."})
public final class SbomCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ImageOptions image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, cyclonedx (CycloneDX 1.6 JSON) or spdx-json (SPDX 2.3) (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    private Path output;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        SbomFormat chosen = SbomFormat.parse(format);
        ScannedImage scanned = image.scan(spec.commandLine().getErr());
        String document = SbomWriter.of(chosen, BulwarkVersion.version()).write(scanned, clock.instant());
        Output.write(document, output, spec.commandLine().getOut());
        return 0;
    }
}
