package dev.bulwark.policy.version;

import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.testing.VectorReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maven's own {@code ComparableVersionTest} vectors: two strictly ascending lists (every pair checked both
 * ways), equal pairs, same-order pairs and {@code a b expected} comparisons.
 */
class MavenComparableVersionVectorsTest {

    private final MavenVersionScheme maven = new MavenVersionScheme();

    @Test
    void agreesWithEveryComparableVersionTestVector() throws IOException {
        VectorReport report = new VectorReport("maven ComparableVersionTest vectors");
        checkAscending(report, "versions-qualifier-ordered.txt");
        checkAscending(report, "versions-number-ordered.txt");
        checkEqual(report, "equal.txt");
        checkEqual(report, "same-order.txt");
        for (String line : read("comparisons.txt")) {
            String[] fields = line.split(" ");
            report.check("comparisons.txt: " + line,
                    () -> Integer.signum(maven.compare(fields[0], fields[1])) == Integer.parseInt(fields[2]));
        }
        report.assertAllAgree();
    }

    private void checkAscending(VectorReport report, String file) throws IOException {
        List<String> versions = read(file);
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                String older = versions.get(i);
                String newer = versions.get(j);
                report.check(file + ": " + older + " < " + newer,
                        () -> maven.compare(older, newer) < 0 && maven.compare(newer, older) > 0);
            }
        }
    }

    private void checkEqual(VectorReport report, String file) throws IOException {
        for (String line : read(file)) {
            String[] fields = line.split(" ");
            report.check(file + ": " + line,
                    () -> maven.compare(fields[0], fields[1]) == 0 && maven.compare(fields[1], fields[0]) == 0);
        }
    }

    private static List<String> read(String file) throws IOException {
        return Files.readAllLines(Corpora.corpus("version-vectors/maven/" + file), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }
}
