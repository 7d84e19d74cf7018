package dev.bulwark.policy.version;

import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.testing.VectorReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code packaging} library's reference list of versions in strictly ascending PEP 440 order. Every pair is
 * checked both ways, and every version against itself.
 */
class Pep440OrderedVersionsTest {

    private final Pep440VersionScheme pep440 = new Pep440VersionScheme();

    @Test
    void ordersEveryPairOfPackagingsReferenceListAsPackagingDoes() throws IOException {
        List<String> versions = Files.readAllLines(Corpora.corpus("version-vectors/pep440/versions-ordered.txt"),
                StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        VectorReport report = new VectorReport("pep440 versions-ordered.txt (pairs of " + versions.size() + ")");
        for (int i = 0; i < versions.size(); i++) {
            String older = versions.get(i);
            report.check(older + " = " + older, () -> pep440.compare(older, older) == 0);
            for (int j = i + 1; j < versions.size(); j++) {
                String newer = versions.get(j);
                report.check(older + " < " + newer,
                        () -> pep440.compare(older, newer) < 0 && pep440.compare(newer, older) > 0);
            }
        }
        report.assertAllAgree();
    }
}
