package dev.bulwark.scanner.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Every analyzer in the registry has a fixture test of its own: a class named after it with {@code Test} appended, in
 * its package, that has test methods, and fixture files in that package's folder under {@code src/test/resources}.
 *
 * <p>Fixtures count when they are in a {@code happy/} folder (as the dpkg, apk, os, rpm, java, npm and python
 * fixtures are) or lie directly in the package's folder (as golang's real binaries do); a README alone does not count.
 * Inputs that tests build in code (java's wars, golang's synthetic ELF files) do not replace these files. The folder is
 * the package's, so analyzers sharing a package (npm's three) share it.
 */
class AnalyzersTest {

    private static final Path TEST_RESOURCES = Path.of("src/test/resources");

    @Test
    void everyRegisteredAnalyzerHasAFixtureTestOfItsOwn() {
        assertThat(missingFixtureTests(Analyzers.all())).as("analyzers registered in Analyzers.all() without a fixture test").isEmpty();
    }

    @Test
    void anAnalyzerWithoutATestOrFixturesIsNamedWithWhatToAdd() {
        assertThat(missingFixtureTests(List.of(new UntestedAnalyzer()))).singleElement().asString()
                .startsWith("dev.bulwark.scanner.analyzer.AnalyzersTest$UntestedAnalyzer (untested) has no fixture test of its own: ")
                .contains("add the test class dev.bulwark.scanner.analyzer.AnalyzersTest$UntestedAnalyzerTest")
                .contains("add fixture files under src/test/resources/dev/bulwark/scanner/analyzer/happy/");
    }

    private static List<String> missingFixtureTests(List<Analyzer> analyzers) {
        List<String> missing = new ArrayList<>();
        for (Analyzer analyzer : analyzers) {
            Class<?> type = analyzer.getClass();
            List<String> toAdd = new ArrayList<>();
            String testName = type.getName() + "Test";
            Optional<Class<?>> test = load(testName);
            if (test.isEmpty()) {
                toAdd.add("add the test class " + testName + " beside it (same package, under src/test/java)");
            } else if (Arrays.stream(test.get().getDeclaredMethods()).noneMatch(AnalyzersTest::isTest)) {
                toAdd.add("give " + testName + " @Test methods that read its fixtures");
            }
            Path fixtures = TEST_RESOURCES.resolve(type.getPackageName().replace('.', '/'));
            if (!hasFixtures(fixtures)) {
                toAdd.add("add fixture files under " + slashed(fixtures.resolve("happy")) + "/ (and the malformed ones under "
                        + slashed(fixtures.resolve("sad")) + "/)");
            }
            if (!toAdd.isEmpty()) {
                missing.add(type.getName() + " (" + analyzer.name() + ") has no fixture test of its own: " + String.join("; ", toAdd));
            }
        }
        return missing;
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, AnalyzersTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean isTest(Method method) {
        return AnnotationSupport.isAnnotated(method, Testable.class);
    }

    /** A file in {@code happy/}, at any depth, or a file directly in the package's folder; READMEs do not count. */
    private static boolean hasFixtures(Path directory) {
        return Files.isDirectory(directory) && (anyFixture(directory.resolve("happy"), Integer.MAX_VALUE) || anyFixture(directory, 1));
    }

    private static boolean anyFixture(Path directory, int depth) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(directory, depth)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && !file.getFileName().toString().startsWith("README"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** Registered nowhere: shows what the check says about an analyzer that has neither a test nor fixtures. */
    private static final class UntestedAnalyzer implements Analyzer {

        @Override
        public String name() {
            return "untested";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public boolean wants(String path, long size) {
            return false;
        }

        @Override
        public AnalyzerOutcome analyze(AnalyzerInput input) {
            return new AnalyzerOutcome.NotApplicable("never registered");
        }
    }
}
