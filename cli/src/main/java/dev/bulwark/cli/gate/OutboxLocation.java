package dev.bulwark.cli.gate;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where undelivered notifications wait: {@code --outbox}, else {@code $BULWARK_OUTBOX}, else the cache directory. */
public final class OutboxLocation {

    @Option(names = "--outbox", paramLabel = "FILE",
            description = "the notification outbox (default: $BULWARK_OUTBOX, else $XDG_CACHE_HOME/bulwark/outbox.db or ~/.cache/bulwark/outbox.db)")
    Path file;

    public Path file() {
        if (file != null) {
            return file;
        }
        String configured = System.getenv("BULWARK_OUTBOX");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("bulwark").resolve("outbox.db");
    }
}
