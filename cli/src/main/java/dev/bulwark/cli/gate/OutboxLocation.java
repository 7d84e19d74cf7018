package dev.bulwark.cli.gate;

import dev.bulwark.gate.CacheDirectory;
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
        return CacheDirectory.file("BULWARK_OUTBOX", "outbox.db");
    }
}
