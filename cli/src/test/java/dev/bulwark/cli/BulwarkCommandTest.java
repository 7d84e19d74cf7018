package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BulwarkCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = BulwarkCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void listsItsCommandsUnderHelp() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: bulwark").contains("Commands:").contains("help");
    }

    @Test
    void printsTheVersionTheBuildStamped() {
        int exit = run("--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).matches("(?s)bulwark \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void exitsWithTwoAndAHintForAnUnknownCommand() {
        int exit = run("scna");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("scna");
    }

    @Test
    void asksForACommandWhenGivenNone() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("name a command");
    }
}
