package dev.bulwark.cli.db;

import dev.bulwark.gate.CacheDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the vulnerability database lives: {@code --db}, else {@code $BULWARK_DB}, else the cache directory. */
public final class DbLocation {

    @Option(names = "--db", paramLabel = "FILE",
            description = "the vulnerability database (default: $BULWARK_DB, else $XDG_CACHE_HOME/bulwark/db/osv.db or ~/.cache/bulwark/db/osv.db)")
    Path file;

    public Path file() {
        if (file != null) {
            return file;
        }
        return CacheDirectory.file("BULWARK_DB", "db/osv.db");
    }
}
