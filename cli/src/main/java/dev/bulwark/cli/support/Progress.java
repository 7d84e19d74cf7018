package dev.bulwark.cli.support;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress lines for long work (database updates): shown on a terminal, kept out of CI logs and pipes. */
public final class Progress {

    private Progress() {
    }

    public static Consumer<String> onTerminal(PrintWriter err) {
        if (System.console() == null) {
            return line -> { };
        }
        return line -> {
            err.println(line);
            err.flush();
        };
    }
}
