package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules about the product's sources that bytecode cannot show. */
class SourceRulesTest {

    private static final List<String> MODULES = List.of("policy-engine", "store", "net", "scanner", "notify", "gate", "cli", "agent");
    // The modules every front end (command line, Jenkins library and plugin) shares: their messages name no CLI flag.
    private static final List<String> SHARED = List.of("policy-engine", "store", "net", "scanner", "notify", "gate");
    // A string literal holding an option such as --cache-dir; trivy's own options (how to run trivy) are not Bulwark's.
    private static final Pattern FLAG_IN_LITERAL = Pattern.compile("\"[^\"]*(?<![\\w-])--[a-z][a-z-]+[^\"]*\"");
    private static final Pattern CATCH = Pattern.compile(".*\\bcatch \\([^)]*\\) \\{\\s*");

    @Test
    void noCatchBlockHoldsOnlyAComment() throws IOException {
        List<String> silent = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).as("the sources of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> silent.addAll(silentCatches(file)));
            }
        }

        assertThat(silent).as("catch blocks with no code: handle the exception, or log it with why it is safe to go on")
                .isEmpty();
    }

    /** Sources that read other programs' command lines (Trivy's, interpreters' options), whose flags are data. */
    private static final java.util.function.Predicate<String> OTHER_PROGRAMS_SYNTAX =
            name -> name.startsWith("Trivy") || name.equals("ExecModes.java");

    @Test
    void sharedModulesNameNoCommandLineFlagInTheirMessages() throws IOException {
        List<String> flags = new ArrayList<>();
        for (String module : SHARED) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                files.filter(file -> file.toString().endsWith(".java") && !OTHER_PROGRAMS_SYNTAX.test(file.getFileName().toString()))
                        .forEach(file -> flags.addAll(matching(file, FLAG_IN_LITERAL)));
            }
        }

        assertThat(flags).as("messages of shared modules must make sense in a Jenkins step too: name the setting, not the flag")
                .isEmpty();
    }

    private static List<String> matching(Path file, Pattern pattern) {
        List<String> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("*") && !line.startsWith("//") && pattern.matcher(line).find()) {
                    found.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return found;
    }

    @Test
    void findsACatchBlockThatHoldsOnlyAComment() throws IOException {
        Path file = Files.createTempFile("Silent", ".java");
        try {
            Files.writeString(file, """
                    class Silent {
                        void run() {
                            try {
                                work();
                            } catch (IllegalStateException e) {
                                // nothing to do
                            }
                            try {
                                work();
                            } catch (RuntimeException e) {
                                throw e;
                            }
                        }
                    }
                    """);

            assertThat(silentCatches(file)).singleElement().asString().endsWith(":5");
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> silentCatches(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!CATCH.matcher(lines.get(i)).matches()) {
                continue;
            }
            boolean code = false;
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).strip().startsWith("}"); j++) {
                String line = lines.get(j).strip();
                code |= !line.isEmpty() && !line.startsWith("//");
            }
            if (!code) {
                silent.add(file.normalize() + ":" + (i + 1));
            }
        }
        return silent;
    }
}
