package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
    void refusesAnUnknownCommandEvenWhenHelpIsAskedFor() {
        int exit = run("scna", "--help");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("Unmatched argument").contains("scna");
        assertThat(cli.out()).doesNotContain("Usage: bulwark");
    }

    @Test
    void refusesAnUnknownSubcommandEvenWhenHelpIsAskedFor() {
        int exit = run("profile", "lsit", "--help");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("lsit");
    }

    @Test
    void summarisesEveryCommandInWholeSentences() {
        for (String[] command : new String[][] {{"--help"}, {"profile", "--help"}, {"agent", "--help"},
            {"db", "--help"}, {"policy", "--help"}}) {
            cli.clear();
            assertThat(run(command)).isZero();
            String commands = cli.out().substring(cli.out().indexOf("Commands:"));
            assertThat(Arrays.stream(commands.split("\\n  (?=\\S)")).skip(1).toList()).isNotEmpty().allSatisfy(entry ->
                    assertThat(entry.strip().replaceAll("\\s+", " "))
                            .as("the summary of %s in %s", entry.strip(), String.join(" ", command))
                            .matches("(?s)\\S+ +.*[.)]"));
        }
    }

    @Test
    void asksForACommandWhenGivenNone() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("name a command");
    }
}
