package dev.bulwark.cli.image;

import dev.bulwark.cli.db.DbLocation;
import dev.bulwark.cli.support.BulwarkVersion;
import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.ScannedImage;
import dev.bulwark.scanner.db.VulnDb;
import dev.bulwark.scanner.inventory.Inventory;
import dev.bulwark.scanner.match.MavenGroups;
import dev.bulwark.scanner.sbom.SbomFormat;
import dev.bulwark.scanner.sbom.SbomWriter;
import java.nio.file.Files;
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

    @Mixin
    private DbLocation db;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, cyclonedx (CycloneDX 1.6 JSON) or spdx-json (SPDX 2.3) (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    private Path output;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        SbomFormat chosen = SbomFormat.parse(format);
        ScannedImage scanned = withMavenGroups(image.scan(spec.commandLine().getErr()));
        String document = SbomWriter.of(chosen, BulwarkVersion.version()).write(scanned, clock.instant());
        Output.write(document, output, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Java archives named from evidence get the groups the vulnerability database knows, when there is one; the
     * SBOM is not worth a database download, so without one their groups come from the archives alone, and an
     * archive whose name is only a guess (a renamed jar) is listed as not analysed.
     */
    private ScannedImage withMavenGroups(ScannedImage scanned) {
        Path file = db.file();
        if (!Files.isRegularFile(file)) {
            Inventory completed = MavenGroups.withoutDatabase().complete(scanned.inventory());
            boolean ungrouped = completed.packages().stream().anyMatch(pkg -> pkg.ecosystem() == Ecosystem.MAVEN
                    && pkg.purl().namespace().isEmpty());
            if (ungrouped) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": no vulnerability database at " + file
                        + ", so Java archives without pom.properties are named from their own evidence only;"
                        + " run bulwark db update (or pass --db) to complete their groups");
            }
            return new ScannedImage(scanned.image(), completed, scanned.cachedLayers());
        }
        try (VulnDb vulns = VulnDb.open(file)) {
            return new ScannedImage(scanned.image(), MavenGroups.of(vulns).complete(scanned.inventory()), scanned.cachedLayers());
        }
    }
}
