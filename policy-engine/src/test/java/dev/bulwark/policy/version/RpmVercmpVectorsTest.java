package dev.bulwark.policy.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.testing.Corpora;
import dev.bulwark.policy.testing.VectorReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * rpm's own {@code rpmvercmp} vectors ({@code tests/rpmvercmp.at}), as {@code a b expected} lines.
 *
 * <p>The twelve cases rpm keeps commented out ({@code dnl}) in {@code rpmvercmp.at} document what rpmvercmp
 * actually returns, behaviour rpm calls "arguably buggy" but has kept: {@code 1b.fc17 < 1.fc17} (RhBug:811992)
 * and non-ASCII characters acting as separators, so {@code 1.1.α = 1.1.β}. Bulwark must order versions exactly
 * as the installed rpm does, so those cases are asserted too, in their own test. The {@code .txt} files are
 * extracts of {@code rpmvercmp.at}; a third test checks they still match it line for line.
 */
class RpmVercmpVectorsTest {

    private static final Pattern RPMVERCMP = Pattern.compile("^(dnl )?RPMVERCMP\\(([^,]*), ([^,]*), (-?\\d)\\)$");

    private final RpmVersionScheme rpm = new RpmVersionScheme();

    @Test
    void agreesWithEveryActiveRpmvercmpVector() throws IOException {
        assertAgreement("rpm rpmvercmp.txt", "version-vectors/rpm/rpmvercmp.txt");
    }

    @Test
    void reproducesTheOdditiesRpmDocumentsButDoesNotAssert() throws IOException {
        assertAgreement("rpm rpmvercmp-disabled-oddities.txt", "version-vectors/rpm/rpmvercmp-disabled-oddities.txt");
    }

    @Test
    void extractsMatchTheUpstreamAutotestFile() throws IOException {
        List<String> active = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (String line : read("version-vectors/rpm/rpmvercmp.at")) {
            Matcher m = RPMVERCMP.matcher(line.strip());
            if (m.matches()) {
                (m.group(1) == null ? active : disabled).add(m.group(2) + " " + m.group(3) + " " + m.group(4));
            }
        }
        assertThat(active).containsExactlyElementsOf(read("version-vectors/rpm/rpmvercmp.txt"));
        assertThat(disabled).containsExactlyElementsOf(read("version-vectors/rpm/rpmvercmp-disabled-oddities.txt"));
    }

    private void assertAgreement(String corpus, String path) throws IOException {
        VectorReport report = new VectorReport(corpus);
        for (String line : read(path)) {
            String[] fields = line.split(" ");
            report.check(line, () -> Integer.signum(rpm.compare(fields[0], fields[1])) == Integer.parseInt(fields[2]));
        }
        report.assertAllAgree();
    }

    private static List<String> read(String path) throws IOException {
        return Files.readAllLines(Corpora.corpus(path), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }
}
