package dev.bulwark.scanner.analyzer.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.scanner.analyzer.AnalyzerInput;
import dev.bulwark.scanner.analyzer.AnalyzerOutcome;
import dev.bulwark.scanner.model.Package;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fixtures beside the npm analyzer tests, handed to analyzers as if found at a path in an image. */
final class NpmFixtures {

    private NpmFixtures() {
    }

    /** The fixture {@code resource} (relative to this package) as the file at {@code imagePath}. */
    static AnalyzerInput fixture(String resource, String imagePath) {
        try (InputStream in = NpmFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " beside " + NpmFixtures.class.getName());
            }
            return new AnalyzerInput(imagePath, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnalyzerInput text(String content, String imagePath) {
        return new AnalyzerInput(imagePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The packages found, each as {@code name version purl}. */
    static List<String> found(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalyzerOutcome.Found.class);
        return ((AnalyzerOutcome.Found) outcome).packages().stream().map(NpmFixtures::describe).toList();
    }

    static List<Package> packages(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalyzerOutcome.Found.class);
        return ((AnalyzerOutcome.Found) outcome).packages();
    }

    static AnalyzerOutcome.Failed failed(AnalyzerOutcome outcome) {
        assertThat(outcome).isInstanceOf(AnalyzerOutcome.Failed.class);
        return (AnalyzerOutcome.Failed) outcome;
    }

    private static String describe(Package pkg) {
        return pkg.name() + " " + pkg.version() + " " + pkg.purl();
    }
}
