package dev.bulwark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the bulwark command line in-process and keeps what it printed. */
public final class CliRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command with these arguments and returns its exit code. */
    public int run(String... args) {
        picocli.CommandLine commandLine = BulwarkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    /** Forgets what was printed so far. */
    public void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
