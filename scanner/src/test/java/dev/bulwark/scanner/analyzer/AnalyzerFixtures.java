package dev.bulwark.scanner.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Fixture files for analyzer tests, read from the resources beside each test class. */
public final class AnalyzerFixtures {

    private AnalyzerFixtures() {
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
