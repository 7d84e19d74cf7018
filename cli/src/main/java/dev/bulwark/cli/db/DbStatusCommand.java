package dev.bulwark.cli.db;

import dev.bulwark.scanner.db.DbMetadata;
import dev.bulwark.scanner.db.VulnDb;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark db status}: when the database was built, from what, and how much it holds. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show when the vulnerability database was built, its sources and record counts.",
            "Exit code: 0, or 3 when there is no readable database."})
public final class DbStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DbLocation location;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (VulnDb db = VulnDb.open(location.file())) {
            DbMetadata metadata = db.metadata();
            Duration age = metadata.age(Clock.systemUTC().instant());
            out.println("database:        " + location.file());
            out.println("built at:        " + metadata.builtAt() + " (" + age.toHours() + " h " + age.toMinutesPart() + " min ago)");
            out.println("advisories:      " + metadata.advisories());
            out.println("newest modified: " + metadata.newestModified().map(Object::toString).orElse("-"));
            out.println("sources:");
            for (DbMetadata.SourceInfo source : metadata.sources()) {
                out.println("  " + source.location() + "  (" + source.records() + " records"
                        + source.etag().map(etag -> ", ETag " + etag).orElse("") + ")");
            }
        }
        out.flush();
        return 0;
    }
}
