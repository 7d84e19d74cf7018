package dev.bulwark.scanner.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.scanner.model.Package;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Fixture files for analyzer tests, read from the resources beside each test class. */
public final class AnalyzerFixtures {

    private AnalyzerFixtures() {
    }

    /**
     * The packages of an outcome that must be a clean find: packages, no OS release, no problems.
     *
     * @param outcome what the analyzer said
     * @return the packages it found
     */
    public static List<Package> packagesOnly(AnalyzerOutcome outcome) {
        AnalyzerOutcome.Found found = outcome.match(result -> result,
                notApplicable -> fail("expected packages, but the analyzer said not applicable: " + notApplicable.why()),
                failed -> fail("expected packages, but the analyzer failed: " + failed.reason()));
        assertThat(found.os()).isEmpty();
        assertThat(found.problems()).isEmpty();
        return found.packages();
    }

    /**
     * The fixture as an analyzer sees it.
     *
     * @param test      the test class, whose package's resources hold the fixture
     * @param resource  the fixture, relative to the test's package ({@code happy/status})
     * @param imagePath where the file is in the image ({@code var/lib/dpkg/status})
     * @return the analyzer's input
     */
    public static AnalyzerInput fixture(Class<?> test, String resource, String imagePath) {
        try (InputStream in = test.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " beside " + test.getName()
                        + ": add it under src/test/resources in the test's package");
            }
            return new AnalyzerInput(imagePath, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixture " + resource + " beside " + test.getName(), e);
        }
    }
}
