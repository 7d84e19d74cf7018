package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulwarkCommandTest {

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void listsItsCommandsUnderHelp() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("Usage: bulwark").contains("Commands:").contains("help");
    }

    @Test
    void printsTheVersionTheBuildStamped() {
        int exit = run("--version");

        assertThat(exit).isZero();
        assertThat(cli.out()).matches("(?s)bulwark \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void exitsWithTwoAndAHintForAnUnknownCommand() {
        int exit = run("scna");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("Unmatched argument").contains("scna");
    }

    @Test
    void asksForACommandWhenGivenNone() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("name a command");
    }
}
