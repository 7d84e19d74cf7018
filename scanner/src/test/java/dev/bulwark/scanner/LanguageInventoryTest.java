package dev.bulwark.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.testing.Containers;
import dev.bulwark.scanner.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Language packages: the inventory of each test image equals what was put into it. */
class LanguageInventoryTest {

    private static Set<String> found(ScannedImage scanned, Ecosystem ecosystem) {
        return scanned.inventory().packages().stream().filter(pkg -> pkg.ecosystem() == ecosystem)
                .map(pkg -> pkg.name() + " " + pkg.version()).collect(Collectors.toSet());
    }

    private static Set<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet());
    }

    @Test
    void findsEveryNpmPackageThatNpmInstalled() {
        Set<String> installed = lines(Containers.run("bulwark-test/node:latest", "cat", "/app/expected-packages.txt"));

        ScannedImage scanned = TestImages.scan("bulwark-test/node:latest");

        assertThat(installed).hasSizeGreaterThan(40).contains("lodash 4.17.20", "@sindresorhus/is 4.0.0");
        assertThat(found(scanned, Ecosystem.NPM)).isEqualTo(installed);
    }

    @Test
    void findsEveryPythonDistributionPythonItselfSees() {
        String script = "import importlib.metadata as m\n"
                + "for d in m.distributions(): print(d.metadata['Name'], d.version)";
        Set<String> seen = lines(Containers.run("bulwark-test/debian-pkgs:latest", "python3", "-c", script));

        ScannedImage scanned = TestImages.scan("bulwark-test/debian-pkgs:latest");

        assertThat(seen).anyMatch(line -> line.startsWith("cryptography "));
        assertThat(found(scanned, Ecosystem.PYPI)).isEqualTo(seen);
    }

    @Test
    void findsTheModulesAndGoVersionGoItselfReportsForTheBinary() {
        Set<String> built = lines(Containers.run("bulwark-test/go:latest", "cat", "/bulwark-test/expected-packages.txt"));

        ScannedImage scanned = TestImages.scan("bulwark-test/go:latest");

        assertThat(built).contains("github.com/google/uuid v1.3.0").anyMatch(line -> line.startsWith("stdlib v1."));
        assertThat(found(scanned, Ecosystem.GOLANG)).isEqualTo(built);
        assertThat(scanned.inventory().packages()).filteredOn(pkg -> pkg.ecosystem() == Ecosystem.GOLANG)
                .allSatisfy(pkg -> assertThat(pkg.path()).isEqualTo("/usr/local/bin/goapp"));
    }

    @Test
    void findsEveryJavaArtifactInTheJarsWarsAndEars() throws IOException {
        Set<String> packed = lines(Files.readString(Path.of("..", "testing", "images", "java", "expected-packages.txt")));

        ScannedImage scanned = TestImages.scan("bulwark-test/java:latest");

        assertThat(found(scanned, Ecosystem.MAVEN)).isEqualTo(packed);
        assertThat(scanned.inventory().packages()).anySatisfy(pkg ->
                assertThat(pkg.path()).isEqualTo("/app/app.ear!/app.war!/WEB-INF/lib/log4j-core-2.14.1.jar"));
    }
}
