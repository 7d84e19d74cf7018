package dev.bulwark.scanner.analyzer.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoModuleInfoTest {

    @Test
    void appliesReplaceDirectives() {
        ModuleInfo info = ModuleInfo.parse(fixture("modinfo-replace.txt"));

        assertThat(info.mainPackage()).isEqualTo("example.com/cmd/tool");
        assertThat(info.mainModule().map(GoModule::inBinary)).contains(new GoModule("example.com/fork/tool", "v1.2.1"));
        assertThat(info.dependencies()).extracting(GoModule::inBinary).containsExactly(
                new GoModule("golang.org/x/text", "v0.3.8"),
                new GoModule("github.com/example/local", "v0.0.0-00010101000000-000000000000", Optional.of(new GoModule("../local", ""))),
                new GoModule("github.com/sirupsen/logrus", "v1.9.0"));
    }

    @Test
    void keepsTheReplacedModuleWhenTheReplacementIsALocalDirectory() {
        GoModule local = ModuleInfo.parse(fixture("modinfo-replace.txt")).dependencies().get(1);

        assertThat(local.replacement()).contains(new GoModule("../local", ""));
        assertThat(local.inBinary().path()).isEqualTo("github.com/example/local");
    }

    @Test
    void readsABinaryBuiltWithoutModules() {
        ModuleInfo info = ModuleInfo.parse("");

        assertThat(info.mainModule()).isEmpty();
        assertThat(info.dependencies()).isEmpty();
    }

    @Test
    void rejectsAReplacementThatFollowsNoModule() {
        assertThatThrownBy(() -> ModuleInfo.parse(fixture("modinfo-orphan-replacement.txt")))
                .isInstanceOf(GoBinaryException.class)
                .hasMessage("Go module info line 2 is a replacement (=>) that follows no mod or dep line: the binary is corrupt");
    }

    @Test
    void rejectsADependencyWithoutAVersion() {
        assertThatThrownBy(() -> ModuleInfo.parse("dep\tgithub.com/google/uuid\n"))
                .isInstanceOf(GoBinaryException.class)
                .hasMessageContaining("line 1").hasMessageContaining("has 1 fields");
    }

    @Test
    void turnsGoVersionsIntoStandardLibraryVersions() {
        assertThat(GoBinaryAnalyzer.standardLibraryVersion("go1.19.8")).contains("v1.19.8");
        assertThat(GoBinaryAnalyzer.standardLibraryVersion("go1.21.0 X:boringcrypto")).contains("v1.21.0");
        assertThat(GoBinaryAnalyzer.standardLibraryVersion("go1.22rc1")).contains("v1.22rc1");
        assertThat(GoBinaryAnalyzer.standardLibraryVersion("devel go1.22-1f0c044d60 Tue Oct 3 2023")).isEmpty();
    }

    private static String fixture(String name) {
        try (InputStream in = GoModuleInfoTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
