package dev.bulwark.cli.db;

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
        String configured = System.getenv("BULWARK_DB");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("bulwark").resolve("db").resolve("osv.db");
    }
}
