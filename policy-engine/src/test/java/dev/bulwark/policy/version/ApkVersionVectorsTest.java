package dev.bulwark.policy.version;

import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.testing.VectorReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * apk-tools' own unit-test vectors ({@code test/unit/version.data}), read as its {@code version_test.c} reads
 * them: {@code ver1 op ver2} must hold, {@code ver1 !op ver2} must not, {@code version} must be valid and
 * {@code !version} must be invalid. Text after {@code #} is a comment.
 */
class ApkVersionVectorsTest {

    private final ApkVersionScheme apk = new ApkVersionScheme();

    @Test
    void agreesWithEveryApkToolsVersionVector() throws IOException {
        List<String> lines = Files.readAllLines(Corpora.corpus("version-vectors/apk/version.data"),
                StandardCharsets.UTF_8);
        VectorReport report = new VectorReport("apk version.data");
        for (String line : lines) {
            int hash = line.indexOf('#');
            String vector = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!vector.isEmpty()) {
                report.check(vector, () -> holds(vector.split("\\s+")));
            }
        }
        report.assertAllAgree();
    }

    private boolean holds(String[] fields) {
        if (fields.length == 3) {
            boolean negated = fields[1].startsWith("!");
            String operator = negated ? fields[1].substring(1) : fields[1];
            return apk.matches(fields[0], operator, fields[2]) != negated;
        }
        if (fields.length == 1) {
            boolean negated = fields[0].startsWith("!");
            String version = negated ? fields[0].substring(1) : fields[0];
            return apk.isValid(version) != negated;
        }
        throw new IllegalArgumentException("neither 'ver1 op ver2' nor 'version'");
    }
}
