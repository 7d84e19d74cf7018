package dev.bulwark.policy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in policies/invalid/ says on its first line where its error is and what the message says:
 * {@code # expect: LINE:COLUMN text}. The loader must report exactly that place and text.
 */
class MalformedPoliciesTest {

    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+) (.+)");

    static Stream<Path> malformedPolicies() throws IOException, URISyntaxException {
        Path directory = Path.of(MalformedPoliciesTest.class.getResource("/policies/invalid").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPolicies")
    void reportsTheLineColumnAndFixOfEachMalformedPolicy(Path file) throws IOException {
        Matcher expect = EXPECT.matcher(Files.readAllLines(file).get(0));
        if (!expect.matches()) {
            fail(file + " must start with '# expect: LINE:COLUMN message'");
        }

        assertThatThrownBy(() -> new PolicyLoader().load(file))
                .isInstanceOfSatisfying(PolicyLoadException.class, error -> {
                    PolicyProblem problem = error.problems().get(0);
                    assertThat(problem.line() + ":" + problem.column())
                            .as("place of: %s", problem.message())
                            .isEqualTo(expect.group(1) + ":" + expect.group(2));
                    assertThat(problem.message()).contains(expect.group(3));
                    assertThat(problem.toString()).startsWith(file + ":" + expect.group(1) + ":" + expect.group(2) + ": ");
                });
    }
}
