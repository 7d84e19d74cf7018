package dev.bulwark.cli.gate;

import dev.bulwark.gate.StateDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where undelivered notifications wait: {@code --outbox}, else {@code $BULWARK_OUTBOX}, else the state directory. */
public final class OutboxLocation {

    @Option(names = "--outbox", paramLabel = "FILE",
            description = "the notification outbox (default: $BULWARK_OUTBOX, else $XDG_STATE_HOME/bulwark/outbox.db or"
                    + " ~/.local/state/bulwark/outbox.db; one in the cache directory, where earlier versions kept it, is moved there)")
    Path file;

    public Path file() {
        if (file != null) {
            return file;
        }
        return StateDirectory.outbox();
    }
}
