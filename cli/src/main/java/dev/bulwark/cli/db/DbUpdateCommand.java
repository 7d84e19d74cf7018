package dev.bulwark.cli.db;

import dev.bulwark.cli.support.Progress;
import dev.bulwark.scanner.db.DbMetadata;
import dev.bulwark.scanner.db.DbUpdater;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark db update}: (re)build the database from its sources, replacing the old one in one step. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Build the vulnerability database from OSV records and replace the old one in one step.",
            "Without --source: the public OSV exports of Debian, Ubuntu, Alpine, Rocky Linux, AlmaLinux, Maven, npm, PyPI and Go.",
            "Exit code: 0 on success, 3 when a source cannot be read (the old database stays)."})
public final class DbUpdateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DbLocation location;

    @Option(names = "--source", paramLabel = "URL|DIR|ZIP|FILE",
            description = "an OSV export URL (all.zip), a mirror, a zip, a directory or one file of OSV records (JSON or YAML);"
                    + " repeatable")
    private List<String> sources = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> chosen = sources.isEmpty() ? DbUpdater.DEFAULT_SOURCES : sources;
        DbMetadata metadata = new DbUpdater(Clock.systemUTC(), Progress.onTerminal(err)).update(location.file(), chosen);
        spec.commandLine().getOut().println("built " + location.file() + ": " + metadata.advisories() + " advisories from "
                + metadata.sources().size() + " source(s)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
