package dev.bulwark.scanner.trivy;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The hand-made reports beside these tests, in {@code happy/} and {@code sad/}. */
final class TrivyFixtures {

    private TrivyFixtures() {
    }

    static Path fixture(String name) {
        URL url = TrivyFixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test fixture " + name + " beside " + TrivyFixtures.class.getName());
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
